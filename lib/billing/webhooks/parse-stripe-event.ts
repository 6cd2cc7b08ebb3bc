import Stripe from 'stripe';
import { fromProviderAmount } from '@/lib/billing/providers/provider-amount';
import { badRequest } from '@/lib/errors';
import { cleanText } from './clean-json';
import type { TInboundEvent, TRefundEventStatus } from './inbound-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 255 ? cleanText(value) : null);

/**
 * A Stripe webhook, verified by the SDK's `constructEvent` on the raw body (`Stripe-Signature`:
 * HMAC-SHA256 of `<t>.<body>` with the endpoint secret, 300 s tolerance): a missing, wrong or stale
 * signature, or a tampered body, is 400.
 */
export function parseStripeEvent(rawBody: string, signature: string | null, secret: string | undefined): TInboundEvent {
  if (!secret) throw badRequest('webhook_not_configured', 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).');
  if (!signature) throw badRequest('invalid_signature', 'Missing Stripe-Signature.');
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw badRequest('invalid_signature', 'The Stripe-Signature does not verify for this body.');
  }
  // Signed is not well-formed: a signed `null` or `[]` must be a 400 too (the webhook fuzz test).
  const document = event as unknown;
  if (!isObject(document) || !isObject(document.data) || !isObject(document.data.object)) throw badRequest('invalid_event', 'A Stripe event is an object with data.object.');
  const object = document.data.object;
  const eventId = text(event.id);
  const eventType = text(event.type);
  if (!eventId || !eventType) throw badRequest('invalid_event', 'A Stripe event has an id and a type.');
  const base = { provider: 'stripe' as const, eventKey: eventId, eventType, payload: event, objectId: text(object.id) };
  const metadata = isObject(object.metadata) ? object.metadata : {};

  if (eventType === 'refund.created' || eventType === 'refund.updated' || eventType === 'refund.failed') {
    if (!base.objectId) throw badRequest('invalid_event', 'A refund event carries its refund.');
    const ours = text(metadata.refund_id);
    return { ...base, action: { kind: 'refund', ourRefundId: ours && UUID.test(ours) ? ours : null, providerRefundId: base.objectId, status: refundStatus(object.status), failureReason: text(object.failure_reason) } };
  }
  if (eventType === 'payment_intent.succeeded') {
    const currency = text(object.currency)?.toUpperCase();
    const units = typeof object.amount_received === 'number' ? object.amount_received : object.amount;
    if (!base.objectId || !currency || typeof units !== 'number' || !Number.isInteger(units) || units <= 0) {
      throw badRequest('invalid_event', 'A payment_intent.succeeded event has an id, a currency and a positive amount.');
    }
    const invoiceId = text(metadata.invoice_id);
    const created = typeof object.created === 'number' ? new Date(object.created * 1000) : null;
    return {
      ...base,
      action: {
        kind: 'payment', invoiceId: invoiceId && UUID.test(invoiceId) ? invoiceId : null, providerPaymentId: base.objectId,
        amount: fromProviderAmount('stripe', units, currency), currency, method: 'card', reference: base.objectId, paidAt: created,
      },
    };
  }
  return { ...base, action: { kind: 'other' } };
}

function refundStatus(value: unknown): TRefundEventStatus {
  if (value === 'succeeded') return 'succeeded';
  if (value === 'failed' || value === 'canceled') return 'failed';
  return 'pending';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
