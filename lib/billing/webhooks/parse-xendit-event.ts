import { createHash, timingSafeEqual } from 'node:crypto';
import { badRequest } from '@/lib/errors';
import { cleanText } from './clean-json';
import { toDecimal } from '@/lib/money';
import type { TInboundEvent, TRefundEventStatus } from './inbound-event';

/**
 * Xendit's callback verification (research §2b): the `x-callback-token` header equals the
 * dashboard's verification token. Compared in constant time (over SHA-256 digests, so neither the
 * length nor a prefix of the token leaks).
 */
export function verifyXenditToken(header: string | null, token: string | undefined): void {
  if (!token) throw badRequest('webhook_not_configured', 'Xendit callbacks are not configured (XENDIT_CALLBACK_TOKEN).');
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!header || !timingSafeEqual(digest(header), digest(token))) throw badRequest('invalid_signature', 'Missing or wrong x-callback-token.');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METHODS: Record<string, string> = { VIRTUAL_ACCOUNT: 'virtual_account', EWALLET: 'ewallet', QR_CODE: 'qris', CARD: 'card', DIRECT_DEBIT: 'bank_transfer', OVER_THE_COUNTER: 'other' };

type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 255 ? cleanText(value) : null);

/** A verified Xendit callback's body read into an inbound event; a body that is not one is 400. */
export function parseXenditEvent(rawBody: string): TInboundEvent {
  const body = parseObject(rawBody);
  const eventType = text(body.event);
  const data = body.data as Json | undefined;
  if (!eventType || !data || typeof data !== 'object' || Array.isArray(data)) throw badRequest('invalid_event', 'A Xendit callback has `event` and a `data` object.');
  const base = { provider: 'xendit' as const, eventKey: createHash('sha256').update(rawBody).digest('hex'), eventType, payload: body };
  if (eventType.startsWith('refund.')) {
    const providerRefundId = text(data.id);
    if (!providerRefundId) throw badRequest('invalid_event', 'A refund callback names its refund (`data.id`).');
    const reference = text(data.reference_id);
    return {
      ...base,
      objectId: providerRefundId,
      action: { kind: 'refund', ourRefundId: reference && UUID.test(reference) ? reference : null, providerRefundId, status: refundStatus(data.status), failureReason: text(data.failure_code) },
    };
  }
  if (eventType === 'payment.succeeded' || eventType === 'payment.capture') {
    const providerPaymentId = text(data.payment_request_id) ?? text(data.payment_id);
    const amount = typeof data.amount === 'number' && Number.isFinite(data.amount) && data.amount > 0 ? toDecimal(data.amount) : null;
    const currency = text(data.currency);
    if (!providerPaymentId || !amount || !currency) throw badRequest('invalid_event', 'A payment callback has a payment id, a positive amount and a currency.');
    const reference = text(data.reference_id);
    const paymentMethod = (data.payment_method ?? {}) as Json;
    const created = text(data.created);
    return {
      ...base,
      objectId: providerPaymentId,
      action: {
        kind: 'payment', invoiceId: reference && UUID.test(reference) ? reference : null, providerPaymentId, amount, currency: currency.toUpperCase(),
        method: METHODS[String(paymentMethod.type ?? '')] ?? 'other', reference: text(data.payment_id) ?? providerPaymentId,
        paidAt: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : null,
      },
    };
  }
  return { ...base, objectId: text(data.id), action: { kind: 'other' } };
}

function refundStatus(value: unknown): TRefundEventStatus {
  const status = String(value ?? '').toUpperCase();
  return status === 'SUCCEEDED' ? 'succeeded' : status === 'FAILED' ? 'failed' : 'pending';
}

export function parseObject(rawBody: string): Json {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw badRequest('invalid_json', 'The body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('invalid_event', 'The body is not a JSON object.');
  return body as Json;
}
