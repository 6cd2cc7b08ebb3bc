import { beforeAll, describe, expect, it } from 'vitest';
import { POST as paymentsRoute } from '@/app/api/v1/admin/billing/invoices/[id]/payments/route';
import { GET as getInvoiceRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { ZRecordPaymentResult } from './schemas';

let api: ReturnType<typeof apiAs>;
const ref = () => `REF-${crypto.randomUUID()}`;
const pay = (id: string, body: unknown, headers: Record<string, string> = {}) => api(paymentsRoute, { method: 'POST', params: { id }, body, headers });
const invoiceRow = (id: string) => db().invoice.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

describe('POST /invoices/{id}/payments', () => {
  it('a partial payment keeps the invoice open; the one covering the total makes it paid with its paid_at', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '111000' });
    const first = await pay(invoice.id, { amount: 11000, method: 'bank_transfer', reference: ref() });
    expect(first.status, first.text).toBe(201);
    expect(ZRecordPaymentResult.parse(first.body)).toMatchObject({ invoice_status: 'open', amount_paid: 11000, amount_due: 100000, payment: { amount: 11000, method: 'bank_transfer', provider: 'manual', currency: 'IDR' } });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'open', paidAt: null });
    const paidAt = '2026-11-30T10:15:00.000Z';
    const rest = await pay(invoice.id, { amount: 100000, method: 'virtual_account', reference: ref(), paid_at: paidAt });
    expect(rest.body).toMatchObject({ invoice_status: 'paid', amount_paid: 111000, amount_due: 0, payment: { paid_at: paidAt } });
    const row = await invoiceRow(invoice.id);
    expect(row.status).toBe('paid');
    expect(row.paidAt?.toISOString()).toBe(paidAt);
    const detail = await api(getInvoiceRoute, { params: { id: invoice.id } });
    // Oldest paid_at first: the backdated transfer comes before the first payment.
    expect(detail.body.payments.map((payment: { amount: number }) => payment.amount)).toEqual([100000, 11000]);
    expect(detail.body).toMatchObject({ amount_paid: 111000, amount_refundable: 111000 });
  });

  it('overpayment is 422 payment_exceeds_due and writes nothing', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '111000' });
    const over = await pay(invoice.id, { amount: 111001, method: 'qris', reference: ref() });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'payment_exceeds_due', amount_due: 111000 });
    expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id } })).toBe(0);
  });

  it('a paid invoice has nothing due: 422', async () => {
    const invoice = await createInvoiceFixture({ status: 'paid' });
    expect((await pay(invoice.id, { amount: 1, method: 'other', reference: ref() })).body).toMatchObject({ status: 422, code: 'payment_exceeds_due' });
  });

  it.each(['draft', 'void'] as const)('a %s invoice is 409 invoice_not_payable', async (status) => {
    const invoice = await createInvoiceFixture({ status });
    const result = await pay(invoice.id, { amount: 1000, method: 'bank_transfer', reference: ref() });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('invoice_not_payable');
  });

  it('the same reference for the same method is 409 payment_duplicate; another method may share it', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '111000' });
    const reference = ref();
    expect((await pay(invoice.id, { amount: 1000, method: 'bank_transfer', reference })).status).toBe(201);
    const again = await pay(invoice.id, { amount: 1000, method: 'bank_transfer', reference });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('payment_duplicate');
    expect((await pay(invoice.id, { amount: 1000, method: 'ewallet', reference })).status).toBe(201);
    expect((await invoiceRow(invoice.id)).amountPaid.toString()).toBe('2000');
  });

  it.each([
    ['zero', { amount: 0, method: 'other', reference: 'x' }],
    ['fractional rupiah', { amount: 10.5, method: 'other', reference: 'x' }],
    ['an unknown method', { amount: 10, method: 'cheque', reference: 'x' }],
    ['no reference', { amount: 10, method: 'other' }],
    ['a paid_at in the future', { amount: 10, method: 'other', reference: 'x', paid_at: '2999-01-01T00:00:00Z' }],
    ['an unknown field', { amount: 10, method: 'other', reference: 'x', provider: 'stripe' }],
  ])('%s is 400', async (_label, body) => {
    const invoice = await createInvoiceFixture({ status: 'open' });
    const result = await pay(invoice.id, body);
    expect(result.status).toBe(400);
    expect((await invoiceRow(invoice.id)).amountPaid.toString()).toBe('0');
  });

  it('unknown and non-UUID invoice ids are 404', async () => {
    expect((await pay(crypto.randomUUID(), { amount: 1, method: 'other', reference: ref() })).status).toBe(404);
    expect((await pay('INV-1', { amount: 1, method: 'other', reference: ref() })).status).toBe(404);
  });

  it('is audited with the actor, and an idempotent retry records once', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '50000' });
    const key = crypto.randomUUID();
    const body = { amount: 50000, method: 'card', reference: ref() };
    const first = await pay(invoice.id, body, { 'idempotency-key': key });
    const retry = await pay(invoice.id, body, { 'idempotency-key': key });
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const entries = await db().auditLogEntry.findMany({ where: { entityId: invoice.id } });
    expect(entries).toMatchObject([{ action: 'invoice.payment_recorded', actorType: 'api_key', before: { status: 'open', amount_paid: 0 }, after: { status: 'paid', amount_paid: 50000 } }]);
    // The entry's payment is the one the answer shows, currency included.
    expect(entries[0]!.after).toMatchObject({ payment: first.body.payment });
    expect(first.body.payment).toMatchObject({ currency: 'IDR', amount: 50000, method: 'card', provider: 'manual', provider_payment_id: null });
  });

  it('an amount finer than the invoice currency allows is 400 validation_failed and writes nothing', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '50000' });
    const refused = await pay(invoice.id, { amount: 10.5, method: 'card', reference: ref() });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'amount', message: 'IDR amounts are whole numbers.' }] });
    expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'open' });
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id } })).toBe(0);
  });
});

describe('concurrent payments', () => {
  it('30 parallel partial payments: amount_paid is exactly the sum of the 201s, never above the total', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '100000' });
    // 30 × 4,000 = 120,000 offered against 100,000 due: 25 fit.
    const results = await Promise.all(Array.from({ length: 30 }, () => pay(invoice.id, { amount: 4000, method: 'bank_transfer', reference: ref() })));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(25);
    expect(statuses.filter((status) => status === 422)).toHaveLength(5);
    const row = await invoiceRow(invoice.id);
    expect(row.amountPaid.toString()).toBe('100000');
    expect(row.status).toBe('paid');
    const sum = await db().payment.aggregate({ where: { invoiceId: invoice.id }, _sum: { amount: true }, _count: true });
    expect([sum._count, sum._sum.amount?.toString()]).toEqual([25, '100000']);
    expect(results.filter((result) => result.status === 201 && result.body.invoice_status === 'paid')).toHaveLength(1);
  });

  it('the same transfer sent 10 times at once is recorded once', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '100000' });
    const reference = ref();
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(invoice.id, { amount: 1000, method: 'bank_transfer', reference })));
    expect(results.map((result) => result.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect((await invoiceRow(invoice.id)).amountPaid.toString()).toBe('1000');
  });
});
