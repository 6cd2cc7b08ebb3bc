import Stripe from 'stripe';
import { FakeRefundBook, type TFakeRefund, type TFakeRefundStatus } from './fake-refund-book';
import { deliverWebhook, startFakeHttp, type TFakeAnswer, type TFakeMode, type TFakeRequest, type TWebhookTarget } from './fake-http';

export interface TFakeStripe {
  url: string;
  book: FakeRefundBook;
  mode: TFakeMode;
  /** Where events go (the app's /api/v1/webhooks/stripe), signed with this endpoint secret. */
  webhook: (TWebhookTarget & { secret: string }) | null;
  /** Makes a refund final (or, `failed` after `succeeded`, returned by the bank) and sends the event Stripe sends. */
  settle(refundId: string, status: Exclude<TFakeRefundStatus, 'pending'>, failureReason?: string): Promise<number | null>;
  /** A `payment_intent.succeeded` event for our invoice (metadata.invoice_id). */
  sendPaymentSucceeded(payment: { paymentIntentId: string; invoiceId: string; amount: number; currency: string }): Promise<number>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Stripe's refund API (`POST /v1/refunds` form-encoded, `GET /v1/refunds/:id`)
 * speaking its wire format — Bearer auth, `Idempotency-Key` replaying the first response,
 * `{error: {type, code, message}}` errors — so the stripe SDK runs for real against it. Events are
 * signed as Stripe signs them (the SDK's generateTestHeaderString).
 */
export async function startFakeStripe(options: { mode?: TFakeMode; webhook?: (TWebhookTarget & { secret: string }) | null } = {}): Promise<TFakeStripe> {
  const book = new FakeRefundBook('re_');
  const replies = new Map<string, TFakeAnswer>();
  const fake = { book, mode: options.mode ?? { kind: 'succeed' }, webhook: options.webhook ?? null } as TFakeStripe;
  const error = (status: number, code: string, message: string): TFakeAnswer => ({ status, body: { error: { type: status >= 500 ? 'api_error' : 'invalid_request_error', code, message } } });

  const handle = async (request: TFakeRequest): Promise<TFakeAnswer> => {
    book.requests++;
    if (!String(request.headers.authorization ?? '').startsWith('Bearer ')) return error(401, 'api_key_invalid', 'Invalid API Key provided');
    const found = /^\/v1\/refunds\/([^/]+)$/.exec(request.path);
    if (request.method === 'GET' && found) {
      const refund = book.refunds.get(decodeURIComponent(found[1]!));
      return refund ? { status: 200, body: stripeRefundJson(refund) } : error(404, 'resource_missing', `No such refund: '${found[1]}'`);
    }
    if (request.method !== 'POST' || request.path !== '/v1/refunds') return error(404, 'resource_missing', 'Unrecognized request URL');
    const mode = fake.mode;
    if (mode.kind === 'timeout') return { status: 0, body: null, hang: true };
    if (mode.kind === 'server_error') return error(500, 'api_error', 'An unknown error occurred');
    const key = String(request.headers['idempotency-key'] ?? '');
    const replay = key ? replies.get(key) : undefined;
    if (replay) return replay;
    const answer = createRefund(new URLSearchParams(request.body), key, mode);
    if (key) replies.set(key, answer);
    return { ...answer, delayMs: mode.kind === 'slow' ? mode.delayMs : 0 };
  };

  const createRefund = (form: URLSearchParams, key: string, mode: TFakeMode): TFakeAnswer => {
    if (mode.kind === 'error') return error(mode.status, mode.code, mode.message);
    const paymentId = form.get('payment_intent') ?? form.get('charge') ?? '';
    const amount = Number(form.get('amount'));
    const remaining = book.remaining(paymentId);
    if (remaining !== null && remaining <= 0) return error(400, 'charge_already_refunded', `Charge for ${paymentId} has already been refunded.`);
    if (remaining !== null && amount > remaining) return error(400, 'amount_too_large', `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`);
    const metadata: Record<string, string> = {};
    for (const [name, value] of form) {
      const field = /^metadata\[(.+)\]$/.exec(name);
      if (field) metadata[field[1]!] = value;
    }
    const refund = book.createAsMode({ idempotencyKey: key, paymentId, amount, currency: 'idr', metadata }, mode, 'declined', fake.settle);
    return { status: 200, body: stripeRefundJson(refund) };
  };

  const send = async (type: string, object: unknown) => {
    if (!fake.webhook) return null;
    const payload = JSON.stringify({ id: `evt_${Date.now()}${Math.random().toString(36).slice(2, 10)}`, object: 'event', api_version: '2026-11-18.endive', created: Math.floor(Date.now() / 1000), livemode: false, type, data: { object } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhook.secret });
    return deliverWebhook(fake.webhook, payload, { 'stripe-signature': signature });
  };

  const server = await startFakeHttp(handle);
  fake.url = server.url;
  fake.close = server.close;
  fake.settle = async (refundId, status, failureReason) => {
    const refund = book.settle(refundId, status, failureReason ?? 'declined');
    return send(status === 'failed' ? 'refund.failed' : 'refund.updated', stripeRefundJson(refund));
  };
  fake.sendPaymentSucceeded = async (payment) => {
    const status = await send('payment_intent.succeeded', {
      id: payment.paymentIntentId, object: 'payment_intent', amount: payment.amount, amount_received: payment.amount, currency: payment.currency.toLowerCase(),
      status: 'succeeded', metadata: { invoice_id: payment.invoiceId }, latest_charge: `ch_${payment.paymentIntentId.slice(3)}`, payment_method_types: ['card'], created: Math.floor(Date.now() / 1000),
    });
    if (status === null) throw new Error('The fake Stripe has no webhook URL.');
    return status;
  };
  return fake;
}

/** A refund as Stripe's API and events show it. */
export function stripeRefundJson(refund: TFakeRefund) {
  return {
    id: refund.id,
    object: 'refund',
    amount: refund.amount,
    balance_transaction: null,
    charge: null,
    created: Math.floor(refund.created.getTime() / 1000),
    currency: refund.currency,
    failure_reason: refund.failureCode,
    metadata: refund.metadata,
    payment_intent: refund.paymentId,
    reason: 'requested_by_customer',
    status: refund.status,
  };
}
