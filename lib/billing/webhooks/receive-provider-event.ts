import { randomUUID } from 'node:crypto';
import { recordPayment, recordSettlingPayment } from '@/lib/billing/payments/record-payment';
import { PAYMENT_METHODS, type TRecordPaymentInput } from '@/lib/billing/payments/schemas';
import { completeRefundClaim } from '@/lib/billing/refunds/complete-refund-claim';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import { Prisma, type ProviderEventState } from '@/lib/generated/prisma/client';
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
 * own transaction; the provider's payment id is unique, so a re-application records nothing) —
 * and the common one, a first delivery that settles its invoice, is stored already applied by the
 * payment's own statement (applySettlingPayment).
 * Nothing here answers 500 for an event's content: what cannot be applied is kept as `unmatched`
 * or `failed` with the reason, for the operator (the Payments & refunds page).
 */
export async function receiveProviderEvent(event: TInboundEvent): Promise<TReceivedEvent> {
  const settled = event.action.kind === 'payment' ? await applySettlingPayment(event) : null;
  if (settled) return settled;
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

/**
 * The common payment event in one statement: its first delivery, paying its invoice's whole
 * amount due. The event row is written already applied, by the payment's own statement
 * (recordSettlingPayment), so it commits with the payment or not at all: one round trip instead
 * of three (store the event, record the payment, mark the event). Any other case writes nothing
 * here and takes the general path below — a redelivery (the event's unique key), a partial or
 * refused payment, an unknown invoice.
 */
async function applySettlingPayment(event: TInboundEvent): Promise<TReceivedEvent | null> {
  if (event.action.kind !== 'payment' || !event.action.invoiceId) return null;
  const { invoiceId, providerPaymentId, amount, currency } = event.action;
  const id = randomUUID();
  const at = now();
  const detail = cleanText(paymentDetail(moneyToJson(amount), currency, 0, 'paid'));
  const result = await recordSettlingPayment(invoiceId, paymentInput(event.action), {
    provider: { provider: event.provider, providerPaymentId },
    currency,
    alsoWrite: Prisma.sql`event_row AS (
      INSERT INTO provider_events (id, provider, event_key, event_type, object_id, payload, state, detail, invoice_id, received_at, processed_at)
      SELECT ${id}::uuid, ${event.provider}::"PaymentProvider", ${cleanText(event.eventKey)}, ${cleanText(event.eventType)}, ${event.objectId === null ? null : cleanText(event.objectId)},
             ${JSON.stringify(cleanJson(event.payload))}::jsonb, 'applied', ${detail}::text, u.id, ${at}::timestamptz, ${at}::timestamptz
        FROM updated u
      RETURNING id)`,
  });
  return result ? { id, state: 'applied', duplicate: false } : null;
}

async function applyPayment(event: TInboundEvent): Promise<TOutcome> {
  if (event.action.kind !== 'payment') throw new Error('not a payment event');
  const { invoiceId, providerPaymentId } = event.action;
  if (!invoiceId) return { state: 'unmatched', detail: `The ${event.provider} payment ${providerPaymentId} names no invoice of ours.` };
  try {
    const result = await recordPayment(invoiceId, paymentInput(event.action), 'system', { provider: { provider: event.provider, providerPaymentId } });
    return { state: 'applied', detail: paymentDetail(result.payment.amount, result.payment.currency, result.amount_due, result.invoice_status), invoiceId };
  } catch (error) {
    if (!(error instanceof BillingError)) throw error;
    if (error.status === 404) return { state: 'unmatched', detail: `No invoice ${invoiceId}.` };
    if (error.code === 'payment_duplicate') return { state: 'ignored', detail: 'This payment is already recorded.', invoiceId };
    return { state: 'failed', detail: `${error.code}: ${error.message}`, invoiceId };
  }
}

type TPaymentAction = Extract<TInboundEvent['action'], { kind: 'payment' }>;

/** A provider's payment as recordPayment takes it: a method we do not know is `other`; a time ahead of ours is now. */
function paymentInput({ amount, method, reference, paidAt }: TPaymentAction): TRecordPaymentInput {
  return {
    amount: moneyToJson(amount),
    method: (PAYMENT_METHODS as readonly string[]).includes(method) ? (method as TRecordPaymentInput['method']) : 'other',
    reference,
    paid_at: paidAt && paidAt.getTime() <= now().getTime() ? paidAt.toISOString() : undefined,
  };
}

/** An applied payment event's detail, for the operator: what came in and what is left. */
function paymentDetail(amount: number, currency: string, amountDue: number, invoiceStatus: string): string {
  const money = (value: number) => formatMoney(value, currency);
  const after = amountDue > 0 ? `${money(amountDue)} still due` : `invoice ${invoiceStatus.replaceAll('_', ' ')}`;
  return `${money(amount)} received; ${after}.`;
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
