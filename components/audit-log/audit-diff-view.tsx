import type { TAuditChange } from '@/lib/audit/audit-diff';
import type { TAuditEntry } from '@/lib/audit/schemas';
import { formatAuditValue } from './audit-labels';

const KIND_LABELS: Record<TAuditChange['kind'], string> = { added: 'added', removed: 'removed', changed: 'changed' };

/** An entry's before → after, one changed field per row: old values struck in red, new ones in green. */
export function AuditDiffView({ entry, changes }: { entry: TAuditEntry; changes: TAuditChange[] }) {
  return (
    <div className="space-y-3">
      {changes.length === 0 ? (
        <p className="text-sm text-zinc-500">No field changed in this entry.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label={`Changes in ${entry.action}`}>
          <thead className="text-xs tracking-wide text-zinc-500 uppercase">
            <tr>
              <th scope="col" className="py-1.5 pr-4 font-medium">Field</th>
              <th scope="col" className="py-1.5 pr-4 font-medium">Before</th>
              <th scope="col" className="py-1.5 font-medium">After</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200/70">
            {changes.map((change) => (
              <tr key={change.path} data-kind={change.kind}>
                <th scope="row" className="py-1.5 pr-4 align-baseline font-mono text-xs font-medium whitespace-nowrap text-zinc-800">
                  {change.path}
                  <span className="sr-only"> ({KIND_LABELS[change.kind]})</span>
                </th>
                <td className="py-1.5 pr-4 align-baseline">
                  {change.kind === 'added' ? <Absent /> : <Value tone="old" value={change.before} />}
                </td>
                <td className="py-1.5 align-baseline">
                  {change.kind === 'removed' ? <Absent /> : <Value tone="new" value={change.after} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-zinc-500">
        Entity id <code className="font-mono">{entry.entity_id}</code>
        {entry.request_id ? (
          <>
            {' · '}request id <code className="font-mono">{entry.request_id}</code>
          </>
        ) : null}
      </p>
    </div>
  );
}

function Value({ tone, value }: { tone: 'old' | 'new'; value: unknown }) {
  const text = formatAuditValue(value);
  const className = 'rounded px-1 py-0.5 font-mono text-xs break-all';
  return tone === 'old' ? (
    <del className={`${className} bg-red-50 text-red-700`}>{text}</del>
  ) : (
    <ins className={`${className} bg-emerald-50 text-emerald-800 no-underline`}>{text}</ins>
  );
}

function Absent() {
  return (
    <span className="text-zinc-500" aria-label="not set">
      —
    </span>
  );
}
