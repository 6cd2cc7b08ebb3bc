import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { POST as stripeWebhook } from '@/app/api/v1/webhooks/stripe/route';
import { POST as xenditWebhook } from '@/app/api/v1/webhooks/xendit/route';
import { startFakeStripe, type TFakeStripe } from '@/lib/billing/providers/fakes/fake-stripe';
import { startFakeXendit, type TFakeXendit, xenditRefundJson } from '@/lib/billing/providers/fakes/fake-xendit';
import { providerGateway } from '@/lib/billing/providers/provider-gateway';
import { usePaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture, createProviderPaidInvoice } from '@/tests/integration/billing-fixtures';
import { callRoute } from '@/tests/integration/call-route';

// Read by config() at its first call, which comes after these lines.
const XENDIT_TOKEN = 'xendit-callback-token-for-tests';
const STRIPE_SECRET = 'whsec_test_secret_for_webhooks';
process.env.XENDIT_CALLBACK_TOKEN = XENDIT_TOKEN;
process.env.STRIPE_WEBHOOK_SECRET = STRIPE_SECRET;

let api: ReturnType<typeof apiAs>;
let xendit: TFakeXendit;
let stripe: TFakeStripe;
let restore: () => void;

const toXendit = (body: string, headers: Record<string, string>) => callRoute(xenditWebhook, { method: 'POST', path: '/api/v1/webhooks/xendit', rawBody: body, headers });
const toStripe = (body: string, headers: Record<string, string>) => callRoute(stripeWebhook, { method: 'POST', path: '/api/v1/webhooks/stripe', rawBody: body, headers });
const refund = (id: string, body: unknown) => api(refundRoute, { method: 'POST', params: { id }, body });
const invoiceRow = (id: string) => db().invoice.findUniqueOrThrow({ where: { id } });
const refundRow = (id: string) => db().refund.findUniqueOrThrow({ where: { id } });
const eventCount = () => db().providerEvent.count();

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  xendit = await startFakeXendit({ mode: { kind: 'pending' }, webhook: { token: XENDIT_TOKEN, send: async (body, headers) => (await toXendit(body, headers)).status } });
  stripe = await startFakeStripe({ mode: { kind: 'pending' }, webhook: { secret: STRIPE_SECRET, send: async (body, headers) => (await toStripe(body, headers)).status } });
  restore = usePaymentGateway(providerGateway({
    xendit: { secretKey: 'xnd_development_fake', baseUrl: xendit.url, timeoutMs: 2000 },
    stripe: { secretKey: 'sk_test_fake', baseUrl: stripe.url, timeoutMs: 2000, maxNetworkRetries: 0 },
  }));
});
afterAll(async () => {
  restore();
  await Promise.all([xendit.close(), stripe.close()]);
});
afterEach(() => {
  xendit.mode = { kind: 'pending' };
  stripe.mode = { kind: 'pending' };
});

async function pendingRefund(provider: 'xendit' | 'stripe', amount = 50000) {
  const { invoice } = await createProviderPaidInvoice(provider, { total: '150000' });
  const result = await refund(invoice.id, { reason: 'Webhook test', amount });
  expect(result.body.status, result.text).toBe('pending');
  const providerRefund = (provider === 'xendit' ? xendit : stripe).book.byKey.get(result.body.refund.id)!;
  return { invoice, refundId: result.body.refund.id as string, providerRefundId: providerRefund.id };
}

describe('Xendit callbacks', () => {
  it('pending → succeeded by callback; the duplicate delivery changes nothing', async () => {
    const { invoice, refundId, providerRefundId } = await pendingRefund('xendit');
    expect(await xendit.settle(providerRefundId, 'succeeded')).toBe(200);
    expect(await refundRow(refundId)).toMatchObject({ status: 'succeeded', gatewayRef: providerRefundId });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'partially_refunded' });
    const event = JSON.stringify({ event: 'refund.succeeded', business_id: 'fake-business', created: 'x', data: xenditRefundJson(xendit.book.refunds.get(providerRefundId)!) });
    const again = await toXendit(event, { 'x-callback-token': XENDIT_TOKEN });
    expect(again.body).toMatchObject({ received: true, duplicate: false, state: 'ignored' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('50000');
    const audit = await db().auditLogEntry.findMany({ where: { entityId: invoice.id, action: 'invoice.refund_succeeded' } });
    expect(audit).toHaveLength(1);
    // Its credit note, issued by the callback that made it succeed, once (SPEC §12).
    const notes = await db().creditNote.findMany({ where: { refundId } });
    expect(notes.map((note) => [note.amount.toFixed(), note.taxBase.toFixed(), note.taxAmount.toFixed(), note.voidedAt])).toEqual([['50000', '50000', '0', null]]);
  });

  it('pending → failed by callback releases the reservation', async () => {
    const { invoice, refundId, providerRefundId } = await pendingRefund('xendit');
    expect(await xendit.settle(providerRefundId, 'failed', 'ACCOUNT_NOT_FOUND')).toBe(200);
    expect(await refundRow(refundId)).toMatchObject({ status: 'failed', failureReason: 'xendit: ACCOUNT_NOT_FOUND' });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
  });

  it('out of order: a late PENDING after SUCCEEDED, and FAILED after SUCCEEDED, change nothing', async () => {
    const { invoice, refundId, providerRefundId } = await pendingRefund('xendit');
    const row = xendit.book.refunds.get(providerRefundId)!;
    const send = (status: string) => toXendit(JSON.stringify({ event: `refund.${status.toLowerCase()}`, created: status, data: { ...xenditRefundJson(row), status } }), { 'x-callback-token': XENDIT_TOKEN });
    expect((await send('SUCCEEDED')).body.state).toBe('applied');
    expect((await send('PENDING')).body.state).toBe('ignored');
    expect((await send('FAILED')).body.state).toBe('ignored');
    expect(await refundRow(refundId)).toMatchObject({ status: 'succeeded' });
    expect(await db().creditNote.count({ where: { refundId } })).toBe(1);
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('50000');
  });

  it('a missing or wrong token is 400 and stores nothing', async () => {
    const before = await eventCount();
    const body = JSON.stringify({ event: 'refund.succeeded', data: { id: 'rfd-x', status: 'SUCCEEDED' } });
    for (const headers of [{} as Record<string, string>, { 'x-callback-token': 'wrong' }, { 'x-callback-token': `${XENDIT_TOKEN}x` }, { 'x-callback-token': XENDIT_TOKEN.slice(0, -1) }]) {
      const result = await toXendit(body, headers);
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('invalid_signature');
    }
    expect(await eventCount()).toBe(before);
  });

  it('an unknown refund is kept as unmatched (200, never a 500)', async () => {
    const result = await toXendit(JSON.stringify({ event: 'refund.succeeded', data: { id: 'rfd-unknown-1', status: 'SUCCEEDED', reference_id: crypto.randomUUID() } }), { 'x-callback-token': XENDIT_TOKEN });
    expect(result.status).toBe(200);
    expect(result.body.state).toBe('unmatched');
    expect(await db().providerEvent.findUniqueOrThrow({ where: { id: result.body.id } })).toMatchObject({ state: 'unmatched', objectId: 'rfd-unknown-1' });
  });

  it('payment.succeeded records the payment through record-payment; its redelivery records nothing', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '150000' });
    const payment = { paymentRequestId: `pr-${crypto.randomUUID()}`, paymentId: `py-${crypto.randomUUID()}`, invoiceId: invoice.id, amount: 150000, currency: 'IDR' };
    expect(await xendit.sendPaymentSucceeded(payment)).toBe(200);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    const recorded = await db().payment.findMany({ where: { invoiceId: invoice.id } });
    expect(recorded).toMatchObject([{ provider: 'xendit', providerPaymentId: payment.paymentRequestId, method: 'virtual_account', reference: payment.paymentId }]);
    // A second delivery with a new timestamp (another body): the payment is already recorded.
    expect(await xendit.sendPaymentSucceeded(payment)).toBe(200);
    expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });
});

describe('payment events in one statement', () => {
  const stripeEvent = (paymentIntentId: string, invoiceId: string, amount: number) => JSON.stringify({
    id: `evt_${crypto.randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: 1, livemode: false,
    data: { object: { id: paymentIntentId, object: 'payment_intent', amount, amount_received: amount, currency: 'idr', status: 'succeeded', metadata: { invoice_id: invoiceId }, payment_method_types: ['card'], created: 1 } },
  });
  const signed = (payload: string) => ({ 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET }) });

  it('a payment that settles its invoice is stored applied by the payment\'s own transaction, with the general path\'s detail', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '150000' });
    const payment = { paymentRequestId: `pr-${crypto.randomUUID()}`, paymentId: `py-${crypto.randomUUID()}`, invoiceId: invoice.id, amount: 150000, currency: 'IDR' };
    expect(await xendit.sendPaymentSucceeded(payment)).toBe(200);
    const [event] = await db().$queryRaw<{ id: string; state: string; detail: string; invoice_id: string; processed: boolean; xmin: string }[]>`
      SELECT id, state::text AS state, detail, invoice_id::text, processed_at IS NOT NULL AS processed, xmin::text FROM provider_events WHERE object_id = ${payment.paymentRequestId}`;
    expect(event).toMatchObject({ state: 'applied', detail: 'Rp 150.000 received; invoice paid.', invoice_id: invoice.id, processed: true });
    const [written] = await db().$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM payments WHERE invoice_id = ${invoice.id}::uuid`;
    expect(written!.xmin).toBe(event!.xmin);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id, action: 'invoice.payment_recorded' } })).toBe(1);
  });

  it('a partial payment takes the general path: applied, with what is still due', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '150000' });
    const paymentIntentId = `pi_${crypto.randomUUID().replace(/-/g, '')}`;
    const payload = stripeEvent(paymentIntentId, invoice.id, 5_000_000);
    const result = await toStripe(payload, signed(payload));
    expect(result.body).toMatchObject({ state: 'applied', duplicate: false });
    expect(await db().providerEvent.findUniqueOrThrow({ where: { id: result.body.id } })).toMatchObject({ state: 'applied', detail: 'Rp 50.000 received; Rp 100.000 still due.', invoiceId: invoice.id });
  });

  it('one settling event delivered five times at once: one payment, one event row, applied once', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '150000' });
    const paymentIntentId = `pi_${crypto.randomUUID().replace(/-/g, '')}`;
    const payload = stripeEvent(paymentIntentId, invoice.id, 15_000_000);
    const results = await Promise.all(Array.from({ length: 5 }, () => toStripe(payload, signed(payload))));
    expect(results.map((result) => result.status)).toEqual(Array(5).fill(200));
    expect(results.filter((result) => result.body.duplicate === false)).toHaveLength(1);
    expect(results.map((result) => result.body.state)).toEqual(Array(5).fill('applied'));
    expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(await db().providerEvent.count({ where: { objectId: paymentIntentId } })).toBe(1);
    expect((await invoiceRow(invoice.id)).amountPaid.toString()).toBe('150000');
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id, action: 'invoice.payment_recorded' } })).toBe(1);
  });

  it('two events for one payment (another event id) record it once; the second is kept as not applied', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '150000' });
    const paymentIntentId = `pi_${crypto.randomUUID().replace(/-/g, '')}`;
    const [first, second] = [stripeEvent(paymentIntentId, invoice.id, 15_000_000), stripeEvent(paymentIntentId, invoice.id, 15_000_000)];
    const results = await Promise.all([toStripe(first!, signed(first!)), toStripe(second!, signed(second!))]);
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    expect(results.filter((result) => result.body.state === 'applied')).toHaveLength(1);
    expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(await db().providerEvent.count({ where: { objectId: paymentIntentId } })).toBe(2);
    expect((await invoiceRow(invoice.id)).amountPaid.toString()).toBe('150000');
  });
});

describe('Stripe events', () => {
  it('pending → succeeded, then a failure after success is a return: the reservation is released and shown', async () => {
    const { invoice, refundId, providerRefundId } = await pendingRefund('stripe');
    expect(await stripe.settle(providerRefundId, 'succeeded')).toBe(200);
    expect(await refundRow(refundId)).toMatchObject({ status: 'succeeded', returnedAt: null });
    expect(await db().creditNote.findUniqueOrThrow({ where: { refundId } })).toMatchObject({ voidedAt: null });
    expect(await stripe.settle(providerRefundId, 'failed', 'lost_or_stolen_card')).toBe(200);
    // The money came back: the credit note is voided (it keeps its number), no second one.
    const [note, ...others] = await db().creditNote.findMany({ where: { refundId } });
    expect(others).toHaveLength(0);
    expect(note!.voidedAt).not.toBeNull();
    const row = await refundRow(refundId);
    expect(row).toMatchObject({ status: 'failed', failureReason: 'Returned: lost_or_stolen_card' });
    expect(row.returnedAt).not.toBeNull();
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
    // A late refund.updated(succeeded) after the return changes nothing.
    expect(await stripe.settle(providerRefundId, 'succeeded')).toBe(200);
    expect(await refundRow(refundId)).toMatchObject({ status: 'failed' });
  });

  it('the same event delivered twice (and at once) is applied once', async () => {
    const { invoice, providerRefundId } = await pendingRefund('stripe');
    const payload = JSON.stringify({ id: `evt_${crypto.randomUUID()}`, object: 'event', type: 'refund.failed', created: 1, livemode: false, data: { object: { ...stripe.book.refunds.get(providerRefundId), id: providerRefundId, object: 'refund', status: 'failed', failure_reason: 'declined', metadata: {} } } });
    const header = () => Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET });
    const results = await Promise.all(Array.from({ length: 5 }, () => toStripe(payload, { 'stripe-signature': header() })));
    expect(results.map((result) => result.status)).toEqual(Array(5).fill(200));
    expect(results.filter((result) => result.body.duplicate === false && result.body.state === 'applied')).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id, action: 'invoice.refund_failed' } })).toBe(1);
    expect(await db().creditNote.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it('a wrong secret, a stale timestamp, a tampered body or no signature is 400 with nothing stored or changed', async () => {
    const { refundId, providerRefundId } = await pendingRefund('stripe');
    const payload = JSON.stringify({ id: `evt_${crypto.randomUUID()}`, object: 'event', type: 'refund.updated', data: { object: { id: providerRefundId, object: 'refund', status: 'succeeded', metadata: {} } } });
    const before = await eventCount();
    const cases: Record<string, string>[] = [
      { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' }) },
      { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 }) },
      {},
      { 'stripe-signature': 'garbage' },
    ];
    for (const headers of cases) expect((await toStripe(payload, headers)).status).toBe(400);
    const tampered = await toStripe(payload.replace('succeeded', 'failed'), { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET }) });
    expect(tampered.status).toBe(400);
    expect(await eventCount()).toBe(before);
    expect(await refundRow(refundId)).toMatchObject({ status: 'pending' });
  });

  it('payment_intent.succeeded records the payment in major units (IDR ÷ 100)', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '150000' });
    expect(await stripe.sendPaymentSucceeded({ paymentIntentId: `pi_${crypto.randomUUID().replace(/-/g, '')}`, invoiceId: invoice.id, amount: 5_000_000, currency: 'IDR' })).toBe(200);
    expect((await invoiceRow(invoice.id)).amountPaid.toString()).toBe('50000');
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'open' });
  });

  it('an event for an unknown refund, or of a type we do not use, is kept and answered 200', async () => {
    const send = (type: string, object: object) => {
      const payload = JSON.stringify({ id: `evt_${crypto.randomUUID()}`, object: 'event', type, data: { object } });
      return toStripe(payload, { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET }) });
    };
    expect((await send('refund.updated', { id: 're_nobody', object: 'refund', status: 'succeeded', metadata: {} })).body).toMatchObject({ state: 'unmatched' });
    expect((await send('customer.created', { id: 'cus_1', object: 'customer' })).body).toMatchObject({ state: 'ignored' });
  });
});
