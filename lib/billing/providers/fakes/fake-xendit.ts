import { FakeRefundBook, type TFakeRefund, type TFakeRefundStatus } from './fake-refund-book';
import { deliverWebhook, startFakeHttp, type TFakeAnswer, type TFakeMode, type TFakeRequest, type TWebhookTarget } from './fake-http';

export interface TFakeXendit {
  url: string;
  book: FakeRefundBook;
  mode: TFakeMode;
  /** Where refund and payment callbacks go (the app's /api/v1/webhooks/xendit), and the token they carry. */
  webhook: (TWebhookTarget & { token: string }) | null;
  /** Makes a refund final and, with a webhook configured, calls it back the way Xendit does. */
  settle(refundId: string, status: Exclude<TFakeRefundStatus, 'pending'>, failureCode?: string): Promise<number | null>;
  /** A Xendit `payment.succeeded` callback for a payment request (its reference_id names our invoice). */
  sendPaymentSucceeded(payment: { paymentRequestId: string; paymentId: string; invoiceId: string; amount: number; currency: string; channel?: string }): Promise<number>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Xendit's refund API (`POST /refunds`, `GET /refunds/{id}`) speaking its wire
 * format — snake_case JSON, Basic auth, the `idempotency-key` header, `{error_code, message}`
 * errors — so xendit-node runs for real against it. Behaviour per `mode`: succeed, pending,
 * pending then a callback, fail, a 4xx code, 5xx, never answer, answer slowly.
 */
export async function startFakeXendit(options: { mode?: TFakeMode; webhook?: (TWebhookTarget & { token: string }) | null } = {}): Promise<TFakeXendit> {
  const book = new FakeRefundBook('rfd-');
  const fake = { book, mode: options.mode ?? { kind: 'succeed' }, webhook: options.webhook ?? null } as TFakeXendit;

  const handle = async (request: TFakeRequest): Promise<TFakeAnswer> => {
    book.requests++;
    if (!String(request.headers.authorization ?? '').startsWith('Basic ')) return { status: 401, body: { error_code: 'INVALID_API_KEY', message: 'API key is invalid' } };
    const found = /^\/refunds\/([^/]+)$/.exec(request.path);
    if (request.method === 'GET' && found) {
      const refund = book.refunds.get(decodeURIComponent(found[1]!));
      return refund ? { status: 200, body: xenditRefundJson(refund) } : { status: 404, body: { error_code: 'DATA_NOT_FOUND', message: 'Refund not found' } };
    }
    if (request.method !== 'POST' || request.path !== '/refunds') return { status: 404, body: { error_code: 'NOT_FOUND', message: 'Not found' } };
    return createRefund(request);
  };

  const createRefund = async (request: TFakeRequest): Promise<TFakeAnswer> => {
    const mode = fake.mode;
    if (mode.kind === 'timeout') return { status: 0, body: null, hang: true };
    if (mode.kind === 'server_error') return { status: 503, body: { error_code: 'SERVER_ERROR', message: 'Service unavailable' } };
    const key = String(request.headers['idempotency-key'] ?? '');
    const previous = key ? book.byKey.get(key) : undefined;
    // The same key again: the refund it made, as it is now (never a second refund).
    if (previous) return { status: 200, body: xenditRefundJson(previous), delayMs: mode.kind === 'slow' ? mode.delayMs : 0 };
    if (mode.kind === 'error') return { status: mode.status, body: { error_code: mode.code, message: mode.message } };
    const body = JSON.parse(request.body) as { payment_request_id: string; reference_id: string; amount: number; currency: string; metadata?: Record<string, string> };
    const remaining = book.remaining(body.payment_request_id);
    if (remaining !== null && body.amount > remaining) {
      return { status: 400, body: { error_code: 'MAXIMUM_REFUND_AMOUNT_REACHED', message: 'Refund amount exceeds the remaining refundable amount of the payment' } };
    }
    const fields = { idempotencyKey: key || body.reference_id, paymentId: body.payment_request_id, amount: body.amount, currency: body.currency, metadata: { reference_id: body.reference_id, ...body.metadata } };
    const refund = book.createAsMode(fields, mode, 'REFUND_FAILED', fake.settle);
    return { status: 200, body: xenditRefundJson(refund), delayMs: mode.kind === 'slow' ? mode.delayMs : 0 };
  };

  const server = await startFakeHttp(handle);
  fake.url = server.url;
  fake.close = server.close;
  fake.settle = async (refundId, status, failureCode) => {
    const refund = book.settle(refundId, status, failureCode ?? 'REFUND_FAILED');
    if (!fake.webhook) return null;
    const event = { event: `refund.${status}`, business_id: 'fake-business', created: new Date().toISOString(), data: xenditRefundJson(refund) };
    return deliverWebhook(fake.webhook, JSON.stringify(event), { 'x-callback-token': fake.webhook.token });
  };
  fake.sendPaymentSucceeded = async (payment) => {
    if (!fake.webhook) throw new Error('The fake Xendit has no webhook URL.');
    const event = {
      event: 'payment.succeeded',
      business_id: 'fake-business',
      created: new Date().toISOString(),
      data: {
        payment_id: payment.paymentId, payment_request_id: payment.paymentRequestId, reference_id: payment.invoiceId, amount: payment.amount, currency: payment.currency,
        status: 'SUCCEEDED', channel_code: payment.channel ?? 'BCA', payment_method: { type: 'VIRTUAL_ACCOUNT' }, created: new Date().toISOString(),
      },
    };
    return deliverWebhook(fake.webhook, JSON.stringify(event), { 'x-callback-token': fake.webhook.token });
  };
  return fake;
}

/** A refund as Xendit's API and callbacks show it. */
export function xenditRefundJson(refund: TFakeRefund) {
  return {
    id: refund.id,
    payment_request_id: refund.paymentId,
    invoice_id: null,
    amount: refund.amount,
    payment_method_type: 'VIRTUAL_ACCOUNT',
    channel_code: 'BCA',
    currency: refund.currency,
    status: refund.status.toUpperCase(),
    reason: 'REQUESTED_BY_CUSTOMER',
    reference_id: refund.metadata.reference_id ?? refund.idempotencyKey,
    failure_code: refund.failureCode,
    refund_fee_amount: null,
    created: refund.created.toISOString(),
    updated: new Date().toISOString(),
    metadata: refund.metadata,
  };
}
