import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { usePaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createProviderPaidInvoice } from '@/tests/integration/billing-fixtures';
import { startFakeStripe, type TFakeStripe } from './fakes/fake-stripe';
import { startFakeXendit, type TFakeXendit } from './fakes/fake-xendit';
import { providerGateway } from './provider-gateway';

/** Refunds through the real xendit-node and stripe SDKs, pointed at local fakes that speak their wire formats. */
let api: ReturnType<typeof apiAs>;
let xendit: TFakeXendit;
let stripe: TFakeStripe;
let restore: () => void;
const TIMEOUT_MS = 1_000;

const refund = (id: string, body: unknown, headers: Record<string, string> = {}) => api(refundRoute, { method: 'POST', params: { id }, body, headers });
const invoiceRow = (id: string) => db().invoice.findUniqueOrThrow({ where: { id } });
const refundRows = (invoiceId: string) => db().refund.findMany({ where: { invoiceId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  [xendit, stripe] = await Promise.all([startFakeXendit(), startFakeStripe()]);
  restore = usePaymentGateway(providerGateway({
    xendit: { secretKey: 'xnd_development_fake', baseUrl: xendit.url, timeoutMs: TIMEOUT_MS },
    stripe: { secretKey: 'sk_test_fake', baseUrl: stripe.url, timeoutMs: TIMEOUT_MS, maxNetworkRetries: 0 },
  }));
});
afterAll(async () => {
  restore();
  await Promise.all([xendit.close(), stripe.close()]);
});
afterEach(() => {
  xendit.mode = { kind: 'succeed' };
  stripe.mode = { kind: 'succeed' };
});

describe('refunds through Xendit (xendit-node against the fake)', () => {
  it('a full refund: whole rupiah, our refund id as the idempotency key and reference, the Xendit id kept', async () => {
    const { invoice, providerPaymentId } = await createProviderPaidInvoice('xendit', { total: '150000' });
    const result = await refund(invoice.id, { reason: 'Cancelled' });
    expect(result.status, result.text).toBe(201);
    expect(result.body).toMatchObject({ status: 'succeeded', refund_amount: 150000, invoice_status: 'refunded', refund: { provider: 'xendit', method: null } });
    const sent = xendit.book.byKey.get(result.body.refund.id)!;
    expect(sent).toMatchObject({ paymentId: providerPaymentId, amount: 150000, currency: 'IDR', metadata: { reference_id: result.body.refund.id, invoice_id: invoice.id } });
    expect((await refundRows(invoice.id))[0]).toMatchObject({ status: 'succeeded', provider: 'xendit', gatewayRef: sent.id });
  });

  it('a partial refund left PENDING by Xendit keeps its reservation', async () => {
    xendit.mode = { kind: 'pending' };
    const { invoice } = await createProviderPaidInvoice('xendit', { total: '150000' });
    const result = await refund(invoice.id, { reason: 'Part', amount: 50000 });
    expect(result.body).toMatchObject({ status: 'pending', invoice_status: 'partially_refunded' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('50000');
    expect((await refundRows(invoice.id))[0]!.gatewayRef).toMatch(/^rfd-/);
  });

  it('MAXIMUM_REFUND_AMOUNT_REACHED is 409 provider_refused in Xendit\'s words; the refund is failed and gives its reservation back', async () => {
    const { invoice, providerPaymentId } = await createProviderPaidInvoice('xendit', { total: '150000' });
    xendit.book.payments.set(providerPaymentId!, 100000);
    const result = await refund(invoice.id, { reason: 'Too much for Xendit' });
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ code: 'provider_refused', provider: 'xendit', provider_code: 'MAXIMUM_REFUND_AMOUNT_REACHED', refund: { status: 'failed' } });
    expect(result.body.detail).toContain('Refund amount exceeds the remaining refundable amount');
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
  });

  it('a plain 4xx decline (INSUFFICIENT_BALANCE) is a failed refund, 201', async () => {
    xendit.mode = { kind: 'error', status: 400, code: 'INSUFFICIENT_BALANCE', message: 'Balance is insufficient' };
    const { invoice } = await createProviderPaidInvoice('xendit');
    const result = await refund(invoice.id, { reason: 'x', amount: 1000 });
    expect(result.body).toMatchObject({ status: 'failed', invoice_status: 'paid', refund: { failure_reason: 'Xendit INSUFFICIENT_BALANCE: Balance is insufficient' } });
  });

  it('a 5xx, and no answer within the timeout, leave the refund pending (the reconciler settles it)', async () => {
    for (const mode of [{ kind: 'server_error' }, { kind: 'timeout' }] as const) {
      xendit.mode = mode;
      const { invoice } = await createProviderPaidInvoice('xendit');
      const started = performance.now();
      const result = await refund(invoice.id, { reason: mode.kind, amount: 1000 });
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 3_000);
      expect(result.body, mode.kind).toMatchObject({ status: 'pending', invoice_status: 'partially_refunded' });
      expect((await refundRows(invoice.id))[0]!.gatewayRef).toBeNull();
    }
  });

  it('method and reference are for manual refunds: 400 on a Xendit payment', async () => {
    const { invoice } = await createProviderPaidInvoice('xendit');
    const result = await refund(invoice.id, { reason: 'x', amount: 1000, method: 'bank_transfer', reference: 'BCA-1' });
    expect(result.status).toBe(400);
    expect(xendit.book.refunds.size).toBeGreaterThan(0); // other tests' refunds; none for this invoice:
    expect(await refundRows(invoice.id)).toEqual([]);
  });

  it('50 parallel refunds of one invoice: exact totals, and Xendit made one refund per succeeded refund', async () => {
    // A generous timeout here: on a loaded machine a call past 1 s would (rightly) be left pending.
    const patient = usePaymentGateway(providerGateway({ xendit: { secretKey: 'xnd_development_fake', baseUrl: xendit.url, timeoutMs: 30_000 } }));
    try {
    const { invoice, providerPaymentId } = await createProviderPaidInvoice('xendit', { total: '100000' });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => refund(invoice.id, { reason: `Parallel ${i}`, amount: 3000 })));
    expect(results.filter((result) => result.status >= 500)).toEqual([]);
    const succeeded = results.filter((result) => result.status === 201 && result.body.status === 'succeeded');
    expect(succeeded).toHaveLength(33);
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('99000');
    const made = [...xendit.book.refunds.values()].filter((row) => row.paymentId === providerPaymentId);
    expect(made).toHaveLength(33);
    expect(made.reduce((sum, row) => sum + row.amount, 0)).toBe(99000);
    expect(xendit.book.counts().maxPerKey).toBe(1);
    } finally {
      patient();
    }
  });
});

describe('refunds through Stripe (stripe SDK against the fake)', () => {
  it('Stripe treats IDR as two-decimal: Rp 150.000 goes as 15000000, keyed by our refund id', async () => {
    const { invoice, providerPaymentId } = await createProviderPaidInvoice('stripe', { total: '150000' });
    const result = await refund(invoice.id, { reason: 'Cancelled' });
    expect(result.body).toMatchObject({ status: 'succeeded', refund_amount: 150000, invoice_status: 'refunded', refund: { provider: 'stripe' } });
    const sent = stripe.book.byKey.get(result.body.refund.id)!;
    expect(sent).toMatchObject({ paymentId: providerPaymentId, amount: 15_000_000, metadata: { refund_id: result.body.refund.id } });
    expect((await refundRows(invoice.id))[0]!.gatewayRef).toBe(sent.id);
  });

  it('a partial refund, then charge_already_refunded from Stripe is 409 with Stripe\'s words', async () => {
    const { invoice, providerPaymentId } = await createProviderPaidInvoice('stripe', { total: '150000' });
    const partial = await refund(invoice.id, { reason: 'Part', amount: 50000 });
    expect(partial.body).toMatchObject({ status: 'succeeded', invoice_status: 'partially_refunded' });
    expect(stripe.book.byKey.get(partial.body.refund.id)!.amount).toBe(5_000_000);
    stripe.book.payments.set(providerPaymentId!, 5_000_000); // Stripe thinks nothing more is left
    const rest = await refund(invoice.id, { reason: 'Rest' });
    expect(rest.status).toBe(409);
    expect(rest.body).toMatchObject({ code: 'provider_refused', provider_code: 'charge_already_refunded' });
    expect(rest.body.detail).toContain('has already been refunded');
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('50000');
  });

  it('pending, 5xx and a timeout leave it pending; a decline fails it', async () => {
    const cases = [[{ kind: 'pending' }, 'pending'], [{ kind: 'server_error' }, 'pending'], [{ kind: 'timeout' }, 'pending'], [{ kind: 'fail' }, 'failed']] as const;
    for (const [mode, expected] of cases) {
      stripe.mode = mode;
      const { invoice } = await createProviderPaidInvoice('stripe');
      const result = await refund(invoice.id, { reason: mode.kind, amount: 1000 });
      expect(result.body.status, mode.kind).toBe(expected);
    }
  });
});

describe('manual refunds', () => {
  it('record how the money went back and call no provider', async () => {
    const before = xendit.book.requests + stripe.book.requests;
    const { invoice } = await createProviderPaidInvoice('manual');
    const result = await refund(invoice.id, { reason: 'Returned by transfer', amount: 1000, method: 'bank_transfer', reference: 'BCA-REFUND-77' });
    expect(result.body).toMatchObject({ status: 'succeeded', refund: { provider: 'manual', method: 'bank_transfer', reference: 'BCA-REFUND-77' } });
    expect(xendit.book.requests + stripe.book.requests).toBe(before);
  });
});
