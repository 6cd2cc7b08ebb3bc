import { recordPayment } from '@/lib/billing/payments/record-payment';
import { PAYMENT_METHODS, type TRecordPaymentInput } from '@/lib/billing/payments/schemas';
import { completeRefundClaim } from '@/lib/billing/refunds/complete-refund-claim';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import type { ProviderEventState } from '@/lib/generated/prisma/client';
import { isDatabaseUnavailable } from '@/lib/http/error-response';
import { moneyToJson } from '@/lib/money';
import { formatMoney } from '@/lib/money-format';
import { cleanJson, cleanText } from './clean-json';
import { applyRefundEvent, type TAppliedEvent } from './apply-refund-event';
import type { TInboundEvent } from './inbound-event';

export interface TReceivedEvent {
  id: string;
  state: ProviderEventState;
  duplicate: boolean;
}

/**
 * A verified webhook: stored first (provider_events, unique per provider and event key), then
 * applied once. A duplicate delivery finds its row already processed and changes nothing; a
 * delivery whose first processing died mid-way (state still `received`) is applied now. Refund
 * events apply in one transaction with the event's state, under the event row's lock, so two
 * concurrent deliveries of one event apply it once. Payment events go through recordPayment (its
 * own transaction; the provider's payment id is unique, so a re-application records nothing).
 * Nothing here answers 500 for an event's content: what cannot be applied is kept as `unmatched`
 * or `failed` with the reason, for the operator (the Payments & refunds page).
 */
export async function receiveProviderEvent(event: TInboundEvent): Promise<TReceivedEvent> {
  const [inserted] = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO provider_events (id, provider, event_key, event_type, object_id, payload, state, received_at)
    VALUES (gen_random_uuid(), ${event.provider}::"PaymentProvider", ${cleanText(event.eventKey)}, ${cleanText(event.eventType)}, ${event.objectId === null ? null : cleanText(event.objectId)},
      ${JSON.stringify(cleanJson(event.payload))}::jsonb, 'received', ${now()}::timestamptz)
    ON CONFLICT (provider, event_key) DO NOTHING
    RETURNING id`;
  const stored = inserted
    ? { id: inserted.id, state: 'received' as ProviderEventState }
    : await db().providerEvent.findUniqueOrThrow({ where: { provider_eventKey: { provider: event.provider, eventKey: event.eventKey } }, select: { id: true, state: true } });
  if (stored.state !== 'received') return { id: stored.id, state: stored.state, duplicate: true };

  let outcome: TOutcome;
  try {
    outcome = event.action.kind === 'refund'
      ? await applyRefund(stored.id, event)
      : event.action.kind === 'payment'
        ? await applyPayment(event)
        : { state: 'ignored', detail: `${event.eventType} is not an event this console uses.` };
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error; // 503: the provider delivers it again later
    outcome = { state: 'failed', detail: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
  if (outcome === ALREADY_APPLIED) return { id: stored.id, state: 'applied', duplicate: true };
  if (event.action.kind !== 'refund' || outcome.state === 'failed') await markEvent(stored.id, outcome);
  // A refund settled here whose request died: its Idempotency-Key now replays the settled answer.
  if (outcome.state === 'applied' && 'refundId' in outcome && outcome.refundId) await completeRefundClaim(outcome.refundId);
  return { id: stored.id, state: outcome.state, duplicate: false };
}

type TOutcome = TAppliedEvent | { state: 'failed'; detail: string; invoiceId?: string };
const ALREADY_APPLIED: TAppliedEvent = { state: 'applied', detail: 'already applied' };

async function applyRefund(eventId: string, event: TInboundEvent): Promise<TAppliedEvent> {
  if (event.action.kind !== 'refund') throw new Error('not a refund event');
  const action = event.action;
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ state: ProviderEventState }[]>`SELECT state::text AS state FROM provider_events WHERE id = ${eventId}::uuid FOR UPDATE`;
    if (row?.state !== 'received') return ALREADY_APPLIED;
    const outcome = await applyRefundEvent(tx, event.provider, action);
    await tx.providerEvent.update({ where: { id: eventId }, data: eventColumns(outcome) });
    return outcome;
  });
}

async function applyPayment(event: TInboundEvent): Promise<TOutcome> {
  if (event.action.kind !== 'payment') throw new Error('not a payment event');
  const { invoiceId, providerPaymentId, amount, method, reference, paidAt } = event.action;
  if (!invoiceId) return { state: 'unmatched', detail: `The ${event.provider} payment ${providerPaymentId} names no invoice of ours.` };
  const input: TRecordPaymentInput = {
    amount: moneyToJson(amount),
    method: (PAYMENT_METHODS as readonly string[]).includes(method) ? (method as TRecordPaymentInput['method']) : 'other',
    reference,
    paid_at: paidAt && paidAt.getTime() <= now().getTime() ? paidAt.toISOString() : undefined,
  };
  try {
    const result = await recordPayment(invoiceId, input, 'system', { provider: { provider: event.provider, providerPaymentId } });
    const money = (value: number) => formatMoney(value, result.payment.currency);
    const after = result.amount_due > 0 ? `${money(result.amount_due)} still due` : `invoice ${result.invoice_status.replaceAll('_', ' ')}`;
    return { state: 'applied', detail: `${money(result.payment.amount)} received; ${after}.`, invoiceId };
  } catch (error) {
    if (!(error instanceof BillingError)) throw error;
    if (error.status === 404) return { state: 'unmatched', detail: `No invoice ${invoiceId}.` };
    if (error.code === 'payment_duplicate') return { state: 'ignored', detail: 'This payment is already recorded.', invoiceId };
    return { state: 'failed', detail: `${error.code}: ${error.message}`, invoiceId };
  }
}

function eventColumns(outcome: TOutcome) {
  return {
    state: outcome.state,
    detail: outcome.detail === null ? null : cleanText(outcome.detail),
    refundId: 'refundId' in outcome ? (outcome.refundId ?? null) : null,
    invoiceId: 'invoiceId' in outcome ? (outcome.invoiceId ?? null) : null,
    processedAt: now(),
  };
}

/** The event's outcome, by raw SQL (one of every payment webhook's few statements; the same columns as eventColumns). */
async function markEvent(eventId: string, outcome: TOutcome): Promise<void> {
  const columns = eventColumns(outcome);
  await db().$executeRaw`
    UPDATE provider_events
       SET state = ${columns.state}::"ProviderEventState", detail = ${columns.detail}::text, refund_id = ${columns.refundId}::uuid,
           invoice_id = ${columns.invoiceId}::uuid, processed_at = ${columns.processedAt}::timestamptz
     WHERE id = ${eventId}::uuid`;
}
