import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import { formatDateTime } from '@/components/invoices/invoice-dates';
import { providerName } from '@/lib/billing/providers/provider-name';
import type { TProviderEventRow } from '@/lib/billing/webhooks/list-provider-events';
import type { ProviderEventState } from '@/lib/generated/prisma/enums';

const STATE_TONES: Record<ProviderEventState, BadgeTone> = { received: 'info', applied: 'success', ignored: 'neutral', unmatched: 'warning', failed: 'danger' };
const STATE_LABELS: Record<ProviderEventState, string> = { received: 'Received', applied: 'Applied', ignored: 'Ignored', unmatched: 'Unmatched', failed: 'Failed' };

/** Provider webhooks as stored and processed: when, from whom, what, how it was applied and to what. */
export function ProviderEventsTable({ events, label }: { events: TProviderEventRow[]; label: string }) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <TH>Received</TH>
          <TH>Provider</TH>
          <TH>Event</TH>
          <TH>State</TH>
          <TH>Matched</TH>
          <TH>Detail</TH>
        </tr>
      </THead>
      <TBody>
        {events.map((event) => (
          <TR key={event.id}>
            <TD className="whitespace-nowrap">{formatDateTime(event.receivedAt.toISOString())}</TD>
            <TD>{providerName(event.provider)}</TD>
            <TD>
              <span className="font-mono text-xs">{event.eventType}</span>
              {event.objectId ? <p className="font-mono text-xs break-all text-zinc-500">{event.objectId}</p> : null}
            </TD>
            <TD>
              <Badge tone={STATE_TONES[event.state]}>{STATE_LABELS[event.state]}</Badge>
            </TD>
            <TD>
              {event.invoiceId ? (
                <>
                  <Link href={`/invoices/${event.invoiceId}`} className="font-mono text-xs whitespace-nowrap hover:underline">
                    {event.invoiceNumber ?? 'invoice'}
                  </Link>
                  <p className="text-xs text-zinc-500">{event.refundId ? 'refund' : 'payment'}</p>
                </>
              ) : (
                <span className="text-zinc-500">—</span>
              )}
            </TD>
            <TD className="min-w-40 break-words text-zinc-600">{event.detail ?? ''}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
