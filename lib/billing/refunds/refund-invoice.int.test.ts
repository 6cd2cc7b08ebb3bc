import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { GET as getInvoiceRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { callRoute } from '@/tests/integration/call-route';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { usePaymentGateway } from './payment-gateway';
import { ZRefundResult } from './schemas';

let api: ReturnType<typeof apiAs>;
let restoreGateway: (() => void) | undefined;

const refund = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  api(refundRoute, { method: 'POST', params: { id }, body, headers });
const invoiceRow = (id: string) => db().invoice.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});
afterEach(() => restoreGateway?.());

describe('POST /invoices/{id}/refund', () => {
  it('with no amount refunds everything refundable (full refund)', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    const result = await refund(invoice.id, { reason: 'Customer cancelled' });
    expect(result.status).toBe(201);
    const body = ZRefundResult.parse(result.body);
    expect(body).toMatchObject({ status: 'succeeded', refund_amount: 111000, invoice_status: 'refunded' });
    expect(body.refund).toMatchObject({ amount: 111000, reason: 'Customer cancelled', status: 'succeeded' });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'refunded' });
  });

  it('a partial refund then the rest: partially_refunded, then refunded', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    const first = await refund(invoice.id, { reason: 'Goodwill', amount: 11000 });
    expect(first.body).toMatchObject({ refund_amount: 11000, invoice_status: 'partially_refunded' });
    const rest = await refund(invoice.id, { reason: 'Cancelled', expected_amount_refunded: 11000 });
    expect(rest.body).toMatchObject({ refund_amount: 100000, invoice_status: 'refunded' });
    const detail = await api(getInvoiceRoute, { params: { id: invoice.id } });
    expect(detail.body).toMatchObject({ amount_refunded: 111000, amount_refundable: 0, status: 'refunded' });
    expect(detail.body.refunds).toHaveLength(2);
  });

  it('a stale expected_amount_refunded is 409 invoice_changed with the current figures', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    await refund(invoice.id, { reason: 'First', amount: 1000 });
    const stale = await refund(invoice.id, { reason: 'Second', amount: 1000, expected_amount_refunded: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'invoice_changed', amount_refunded: 1000, amount_refundable: 110000, amount_paid: 111000 });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('1000');
  });

  it('a refund above the refundable amount is 422 refund_exceeds_refundable', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    await refund(invoice.id, { reason: 'First', amount: 100000 });
    const over = await refund(invoice.id, { reason: 'Too much', amount: 11001 });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'refund_exceeds_refundable', amount_refundable: 11000 });
  });

  it.each(['draft', 'open', 'void', 'refunded'] as const)('refunding a %s invoice is 409 invoice_not_refundable', async (status) => {
    const invoice = await createInvoiceFixture({ status });
    const result = await refund(invoice.id, { reason: 'Try', amount: 1 });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('invoice_not_refundable');
  });

  it.each([
    ['zero', { reason: 'x', amount: 0 }],
    ['negative', { reason: 'x', amount: -5 }],
    ['too many decimals for IDR', { reason: 'x', amount: 10.5 }],
    ['a string amount', { reason: 'x', amount: '100' }],
    ['a missing reason', { amount: 100 }],
    ['an empty reason', { reason: '   ', amount: 100 }],
    ['a 501-character reason', { reason: 'r'.repeat(501), amount: 100 }],
    ['an unknown field', { reason: 'x', amount: 100, refund_to: 'me' }],
  ])('%s is 400', async (_label, body) => {
    const invoice = await createInvoiceFixture();
    const result = await refund(invoice.id, body);
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toBe('application/problem+json');
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
  });

  it('USD refunds take cents, not fractions of cents', async () => {
    const invoice = await createInvoiceFixture({ currency: 'USD', total: '99.99' });
    expect((await refund(invoice.id, { reason: 'x', amount: 0.005 })).status).toBe(400);
    expect((await refund(invoice.id, { reason: 'x', amount: 9.99 })).body).toMatchObject({ refund_amount: 9.99, invoice_status: 'partially_refunded' });
  });

  it('unknown and non-UUID invoice ids are 404', async () => {
    expect((await refund(crypto.randomUUID(), { reason: 'x' })).status).toBe(404);
    expect((await refund('INV-1', { reason: 'x' })).status).toBe(404);
  });

  it('a refund the gateway rejects is recorded as failed and leaves the totals untouched', async () => {
    restoreGateway = usePaymentGateway({ refund: async () => ({ status: 'failed', reason: 'Card account closed' }) });
    const invoice = await createInvoiceFixture({ total: '111000' });
    const result = await refund(invoice.id, { reason: 'Try', amount: 5000 });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'failed', invoice_status: 'paid', refund: { status: 'failed', failure_reason: 'Card account closed' } });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
  });

  it('a gateway that throws counts as a failure too', async () => {
    restoreGateway = usePaymentGateway({ refund: async () => { throw new Error('timeout'); } });
    const invoice = await createInvoiceFixture();
    expect((await refund(invoice.id, { reason: 'Try' })).body).toMatchObject({ status: 'failed', invoice_status: 'paid' });
  });

  it('an idempotent retry refunds once and replays the first response', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    const key = crypto.randomUUID();
    const first = await refund(invoice.id, { reason: 'Once', amount: 1000 }, { 'idempotency-key': key });
    const retry = await refund(invoice.id, { reason: 'Once', amount: 1000 }, { 'idempotency-key': key });
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('1000');
    expect(await db().refund.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it('the refund in the answer is the one the invoice shows, created_by included, for an API key and a signed-in user', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    const byKey = await refund(invoice.id, { reason: 'By key', amount: 1000 });
    const user = await credentialsFor('super_admin');
    const bySession = await callRoute(refundRoute, { method: 'POST', params: { id: invoice.id }, body: { reason: 'By session', amount: 2000 }, headers: { cookie: user.sessionCookie } });
    expect([byKey.status, bySession.status]).toEqual([201, 201]);
    expect(bySession.body.refund.created_by).toBe(user.email);
    const detail = await api(getInvoiceRoute, { params: { id: invoice.id } });
    const shown = (id: string) => detail.body.refunds.find((row: { id: string }) => row.id === id);
    expect(shown(byKey.body.refund.id)).toEqual(byKey.body.refund);
    expect(shown(bySession.body.refund.id)).toEqual(bySession.body.refund);
    const row = await db().refund.findUniqueOrThrow({ where: { id: byKey.body.refund.id } });
    expect(row).toMatchObject({ status: 'succeeded', currency: 'IDR', reason: 'By key', failureReason: null });
    expect(row.gatewayRef).toMatch(/^re_/);
  });

  it('the audit entries hold the invoice before and after, the refund as the API shows it, the actor and the request id', async () => {
    const invoice = await createInvoiceFixture({ total: '111000', amountRefunded: '1000', status: 'partially_refunded' });
    const result = await refund(invoice.id, { reason: 'Audited', amount: 5000 }, { 'x-request-id': 'refund-audit-1' });
    const entries = await db().auditLogEntry.findMany({ where: { entityId: invoice.id }, orderBy: { createdAt: 'asc' } });
    const keyId = entries[0]?.actorApiKeyId;
    expect(keyId).toEqual(expect.any(String));
    const common = { actorType: 'api_key', actorUserId: null, actorApiKeyId: keyId, entityType: 'invoice', entityId: invoice.id, requestId: 'refund-audit-1' };
    const before = { status: 'partially_refunded', amount_refunded: 1000 };
    expect(entries).toMatchObject([
      { ...common, action: 'invoice.refund_requested', before, after: { refund_id: result.body.refund.id, amount: 5000, reason: 'Audited' } },
      { ...common, action: 'invoice.refund_succeeded', before, after: { status: 'partially_refunded', amount_refunded: 6000, refund: result.body.refund } },
    ]);
    expect(entries[0]?.actorLabel).toMatch(/^API key .+ \(.+…\)$/);
    expect(entries[1]?.actorLabel).toBe(entries[0]?.actorLabel);
    expect(entries[0]!.createdAt.getTime()).toBeLessThanOrEqual(entries[1]!.createdAt.getTime());
  });

  it('a failed refund is audited with the reservation given back', async () => {
    restoreGateway = usePaymentGateway({ refund: async () => ({ status: 'failed', reason: 'Card account closed' }) });
    const invoice = await createInvoiceFixture({ total: '0.5', currency: 'USD' });
    const result = await refund(invoice.id, { reason: 'Fails' });
    expect(result.body).toMatchObject({ status: 'failed', refund_amount: 0.5, invoice_status: 'paid' });
    const entries = await db().auditLogEntry.findMany({ where: { entityId: invoice.id }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['invoice.refund_requested', { status: 'paid', amount_refunded: 0 }, { refund_id: result.body.refund.id, amount: 0.5, reason: 'Fails' }],
      ['invoice.refund_failed', { status: 'paid', amount_refunded: 0 }, { status: 'paid', amount_refunded: 0, refund: result.body.refund }],
    ]);
    expect(result.body.refund).toMatchObject({ status: 'failed', failure_reason: 'Card account closed', amount: 0.5, currency: 'USD' });
  });

  it('a refund the gateway leaves pending keeps its reservation', async () => {
    restoreGateway = usePaymentGateway({ refund: async () => ({ status: 'pending', reference: 're_later' }) });
    const invoice = await createInvoiceFixture({ total: '111000' });
    const result = await refund(invoice.id, { reason: 'Later', amount: 11000 });
    expect(result.body).toMatchObject({ status: 'pending', refund_amount: 11000, invoice_status: 'partially_refunded', refund: { status: 'pending' } });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('11000');
    expect(await db().refund.findUniqueOrThrow({ where: { id: result.body.refund.id } })).toMatchObject({ status: 'pending', gatewayRef: 're_later' });
    const actions = (await db().auditLogEntry.findMany({ where: { entityId: invoice.id }, orderBy: { createdAt: 'asc' } })).map((entry) => entry.action);
    expect(actions).toEqual(['invoice.refund_requested', 'invoice.refund_pending']);
  });

  it('a refused refund writes nothing: no refund row, no audit entry, the same invoice', async () => {
    const invoice = await createInvoiceFixture({ total: '111000' });
    const before = await invoiceRow(invoice.id);
    for (const body of [{ reason: 'x', amount: 200000 }, { reason: 'x', amount: 1, expected_amount_refunded: 5 }, { reason: 'x', amount: 0.5 }]) {
      expect((await refund(invoice.id, body)).status).toBeGreaterThanOrEqual(400);
    }
    expect(await invoiceRow(invoice.id)).toEqual(before);
    expect(await db().refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id } })).toBe(0);
  });

  it('every refund is in the audit log with the acting API key', async () => {
    const invoice = await createInvoiceFixture();
    await refund(invoice.id, { reason: 'Audit me', amount: 100 });
    const actions = (await db().auditLogEntry.findMany({ where: { entityId: invoice.id }, orderBy: { createdAt: 'asc' } })).map((e) => [e.action, e.actorType]);
    expect(actions).toEqual([['invoice.refund_requested', 'api_key'], ['invoice.refund_succeeded', 'api_key']]);
  });
});

describe('concurrent refunds', () => {
  it('50 parallel partial refunds never refund more than was paid; the total is the sum of the 201s', async () => {
    const invoice = await createInvoiceFixture({ total: '100000' });
    // 50 × 3,000 = 150,000 asked for against 100,000 paid.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => refund(invoice.id, { reason: `Parallel ${i}`, amount: 3000 })));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const succeeded = results.filter((result) => result.status === 201);
    expect(succeeded.length).toBe(33);
    expect(statuses.filter((status) => status === 422).length + statuses.filter((status) => status === 409).length).toBe(17);
    const sum = succeeded.reduce((total, result) => total + result.body.refund_amount, 0);
    const row = await invoiceRow(invoice.id);
    expect(row.amountRefunded.toString()).toBe(String(sum));
    expect(row.amountRefunded.lte(row.amountPaid)).toBe(true);
    const refunds = await db().refund.aggregate({ where: { invoiceId: invoice.id, status: 'succeeded' }, _sum: { amount: true }, _count: true });
    expect(refunds._count).toBe(33);
    expect(refunds._sum.amount?.toString()).toBe('99000');
  });

  it('parallel refunds each record the total they started from: their audit entries chain exactly', async () => {
    const invoice = await createInvoiceFixture({ total: '1000000' });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => refund(invoice.id, { reason: `Chain ${i}`, amount: 1000 + i })));
    expect(results.map((result) => result.status)).toEqual(Array(30).fill(201));
    const requested = await db().auditLogEntry.findMany({ where: { entityId: invoice.id, action: 'invoice.refund_requested' } });
    const steps = requested
      .map((entry) => ({ from: (entry.before as { amount_refunded: number }).amount_refunded, amount: (entry.after as { amount: number }).amount }))
      .sort((a, b) => a.from - b.from);
    // Serialised by the row lock, each reservation starts where the one before it ended.
    let total = 0;
    for (const step of steps) {
      expect(step.from).toBe(total);
      total += step.amount;
    }
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe(String(total));
    expect(total).toBe(30 * 1000 + (29 * 30) / 2);
  });

  it('parallel refunds, half of them rejected by the gateway: the invoice counts exactly the succeeded ones', async () => {
    // Odd amounts fail at the gateway and give their reservation back while others reserve.
    restoreGateway = usePaymentGateway({ refund: async ({ amount }) => (amount.toNumber() % 2 === 1 ? { status: 'failed', reason: 'Declined' } : { status: 'succeeded', reference: 're_ok' }) });
    const invoice = await createInvoiceFixture({ total: '100000' });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => refund(invoice.id, { reason: `Mixed ${i}`, amount: i % 2 === 0 ? 4000 : 4001 })));
    expect(results.filter((result) => result.status >= 500)).toEqual([]);
    const succeeded = results.filter((result) => result.status === 201 && result.body.status === 'succeeded');
    const failed = results.filter((result) => result.status === 201 && result.body.status === 'failed');
    expect(succeeded.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    const row = await invoiceRow(invoice.id);
    expect(row.amountRefunded.toString()).toBe(String(succeeded.length * 4000));
    expect(row.status).toBe(succeeded.length * 4000 === 100000 ? 'refunded' : 'partially_refunded');
    const rows = await db().refund.groupBy({ by: ['status'], where: { invoiceId: invoice.id }, _sum: { amount: true }, _count: true });
    expect(Object.fromEntries(rows.map((group) => [group.status, [group._count, group._sum.amount?.toString()]]))).toEqual({
      succeeded: [succeeded.length, String(succeeded.length * 4000)],
      failed: [failed.length, String(failed.length * 4001)],
    });
  });
});
