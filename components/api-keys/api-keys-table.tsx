import { clsx } from 'clsx';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TApiKey } from '@/lib/auth/api-keys/schemas';
import { ROLE_LABELS, ROLE_TONES, formatKeyDate, formatKeyDateTime, formatRelative, maskedKey } from './api-key-format';
import { RevokeApiKeyDialog } from './lazy-api-key-dialogs';

type ApiKeysTableProps = { apiKeys: TApiKey[]; now: string; onRevoke: (key: TApiKey) => void };

/** Every key, newest first. Revoked keys stay listed, dimmed: they explain entries in the audit log. */
export function ApiKeysTable({ apiKeys, now, onRevoke }: ApiKeysTableProps) {
  return (
    <Table aria-label="API keys">
      <caption className="sr-only">API keys, newest first</caption>
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Role</TH>
          <TH>Key</TH>
          <TH>Created</TH>
          <TH>Last used</TH>
          <TH>Status</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {apiKeys.map((key) => (
          // A revoked key's row is shaded, not faded: faded text fails WCAG contrast (axe), and its badge says it.
          <TR key={key.id} data-api-key-id={key.id} className={clsx(key.revoked_at && 'bg-zinc-50')}>
            <TD className="font-medium text-zinc-900">{key.name}</TD>
            <TD>
              <Badge tone={ROLE_TONES[key.role]}>{ROLE_LABELS[key.role]}</Badge>
            </TD>
            <TD>
              <code className="font-mono text-xs text-zinc-700">{maskedKey(key.prefix)}</code>
            </TD>
            <TD className="whitespace-nowrap">
              <time dateTime={key.created_at} title={formatKeyDateTime(key.created_at)}>
                {formatKeyDate(key.created_at)}
              </time>
              <span className="block max-w-56 truncate text-xs text-zinc-500">{key.created_by ? `by ${key.created_by}` : 'creator unknown'}</span>
            </TD>
            <TD className="whitespace-nowrap">
              {key.last_used_at ? (
                <time dateTime={key.last_used_at} title={formatKeyDateTime(key.last_used_at)}>
                  {formatRelative(key.last_used_at, now)}
                </time>
              ) : (
                <span className="text-zinc-500">Never</span>
              )}
            </TD>
            <TD>
              {key.revoked_at ? (
                <Badge tone="neutral" title={`Revoked ${formatKeyDateTime(key.revoked_at)}`}>
                  Revoked
                </Badge>
              ) : (
                <Badge tone="success">Active</Badge>
              )}
            </TD>
            <TD className="text-right">
              {key.revoked_at ? null : (
                <Button variant="ghost" size="sm" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`} {...RevokeApiKeyDialog.preloadHandlers}>
                  Revoke
                </Button>
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
