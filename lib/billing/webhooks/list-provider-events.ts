import { db } from '@/lib/db';
import type { PaymentProvider, ProviderEventState } from '@/lib/generated/prisma/client';

export interface TProviderEventRow {
  id: string;
  provider: PaymentProvider;
  eventType: string;
  /** The provider's id of the refund or payment the event is about. */
  objectId: string | null;
  state: ProviderEventState;
  detail: string | null;
  /** What it matched: our refund and its invoice (the invoice's number to show). */
  refundId: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

/**
 * Provider webhooks as stored (SPEC §12), newest first, for the Payments & refunds page: every
 * state, or only one (`unmatched`: events for refunds or payments we do not know, kept for the
 * operator). Reads provider_events_received_at_idx / provider_events_state_received_at_idx.
 */
export async function listProviderEvents(options: { state?: ProviderEventState; limit?: number } = {}): Promise<TProviderEventRow[]> {
  const events = await db().providerEvent.findMany({
    where: options.state ? { state: options.state } : {},
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 50,
    select: { id: true, provider: true, eventType: true, objectId: true, state: true, detail: true, refundId: true, invoiceId: true, receivedAt: true, processedAt: true },
  });
  // provider_events.invoice_id has no foreign key (an event is kept whatever it names): numbers looked up apart.
  const invoiceIds = [...new Set(events.flatMap((event) => (event.invoiceId ? [event.invoiceId] : [])))];
  const invoices = invoiceIds.length ? await db().invoice.findMany({ where: { id: { in: invoiceIds } }, select: { id: true, number: true } }) : [];
  const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
  return events.map((event) => ({ ...event, invoiceNumber: event.invoiceId ? (numbers.get(event.invoiceId) ?? null) : null }));
}
