'use client';

import Link from 'next/link';
import { Fragment, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import { auditDiff } from '@/lib/audit/audit-diff';
import type { TAuditEntry } from '@/lib/audit/schemas';
import { AuditDiffView } from './audit-diff-view';
import { ACTOR_BADGES, entityHref, entityName, entityTypeLabel, formatAuditTime } from './audit-labels';

const COLUMNS = ['When', 'Actor', 'Action', 'Entity', 'Changes'] as const;

/** The audit entries, newest first; each row opens to its before/after diff. `loading` shows skeleton rows. */
export function AuditTable({ entries, loading = false, busy = false }: { entries: TAuditEntry[]; loading?: boolean; busy?: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table aria-label="Audit log" aria-busy={loading || busy} className={busy ? 'opacity-60 transition-opacity' : undefined}>
      <THead>
        <tr>
          {COLUMNS.map((column) => (
            <TH key={column}>{column}</TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {loading
          ? Array.from({ length: 8 }, (_, i) => <SkeletonRow key={i} />)
          : entries.map((entry) => <AuditRow key={entry.id} entry={entry} open={open.has(entry.id)} onToggle={() => toggle(entry.id)} />)}
      </TBody>
    </Table>
  );
}

function AuditRow({ entry, open, onToggle }: { entry: TAuditEntry; open: boolean; onToggle: () => void }) {
  const changes = auditDiff(entry.before, entry.after);
  // A creation (or a removal) lists the whole entity: its fields, not changes to them.
  const count = entry.before && entry.after ? countOf(changes.length, 'change') : countOf(changes.length, 'field');
  const detailId = `audit-entry-${entry.id}`;
  const href = entityHref(entry.entity_type, entry.entity_id);
  const actor = ACTOR_BADGES[entry.actor_type];
  const name = entityName(entry);

  return (
    <Fragment>
      <TR className={open ? 'bg-zinc-50/80' : undefined}>
        <TD className="text-xs whitespace-nowrap tabular-nums">
          <time dateTime={entry.created_at}>{formatAuditTime(entry.created_at)}</time>
        </TD>
        <TD className="max-w-60">
          <div className="flex min-w-0 items-center gap-2">
            <Badge tone={actor.tone}>{actor.label}</Badge>
            <span className="truncate" title={entry.actor_label}>
              {entry.actor_label}
            </span>
          </div>
        </TD>
        <TD>
          <code className="font-mono text-xs text-zinc-800">
            {/* A line may break after a dot ("subscription.<wbr>cancel_scheduled"): the column stays narrow. */}
            {entry.action.split('.').map((part, index) => (index === 0 ? part : <Fragment key={index}>.<wbr />{part}</Fragment>))}
          </code>
        </TD>
        <TD className="max-w-56">
          <span className="text-xs text-zinc-500">{entityTypeLabel(entry.entity_type)}</span>{' '}
          {href ? (
            <Link href={href} className="text-brand-700 font-medium hover:underline" title={entry.entity_id}>
              {name}
            </Link>
          ) : (
            <span className="font-medium text-zinc-900" title={entry.entity_id}>
              {name}
            </span>
          )}
        </TD>
        <TD>
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            aria-label={open ? `Hide changes of ${entry.action} on ${name}` : `Show ${count} of ${entry.action} on ${name}`}
            onClick={onToggle}
          >
            <span aria-hidden="true" className={open ? 'rotate-90 transition-transform' : 'transition-transform'}>
              ›
            </span>
            {open ? 'Hide' : count}
          </Button>
        </TD>
      </TR>
      {open ? (
        <tr id={detailId} className="bg-zinc-50/80">
          <td colSpan={COLUMNS.length} className="px-4 pt-1 pb-4">
            <AuditDiffView entry={entry} changes={changes} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function SkeletonRow() {
  return (
    <tr aria-hidden="true">
      {[44, 48, 28, 40, 20].map((width, i) => (
        <td key={i} className="px-4 py-3.5">
          <Skeleton className="h-4" style={{ width: `${width * 4}px`, maxWidth: '100%' }} />
        </td>
      ))}
    </tr>
  );
}
