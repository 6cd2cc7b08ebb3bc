import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getInvoiceRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { POST as voidRoute } from '@/app/api/v1/admin/billing/invoices/[id]/void/route';
import { getOverview } from '@/lib/billing/analytics/get-overview';
import { ZAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { nowMs } from '@/lib/clock';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { ZInvoiceDetail } from './schemas';

let api: ReturnType<typeof apiAs>;

const voidInvoice = (id: string, body: unknown, headers: Record<string, string> = {}) => api(voidRoute, { method: 'POST', params: { id }, body, headers });
const auditEntries = (id: string) => db().auditLogEntry.findMany({ where: { entityType: 'invoice', entityId: id, action: 'invoice.voided' } });

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

describe('POST /invoices/{id}/void', () => {
  it('voids an open invoice: same number and lines, voided_at from the clock, the reason kept, audited', async () => {
    const invoice = await createInvoiceFixture({ status: 'open', total: '111000' });
    const before = nowMs();
    const result = await voidInvoice(invoice.id, { reason: '  Issued twice by mistake  ' });
    expect(result.status, result.text).toBe(200);
    const body = ZInvoiceDetail.strict().parse(result.body);
    expect(body).toMatchObject({ id: invoice.id, number: invoice.number, status: 'void', void_reason: 'Issued twice by mistake', total: 111000, amount_paid: 0 });
    expect(body.lines).toHaveLength(1);
    expect(Date.parse(body.voided_at!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(body.voided_at!)).toBeLessThanOrEqual(nowMs());

    const [entry, ...more] = await auditEntries(invoice.id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorType: 'api_key', before: { number: invoice.number, status: 'open' } });
    expect(entry!.after).toMatchObject({ status: 'void', void_reason: 'Issued twice by mistake', voided_at: body.voided_at });

    const again = await api(getInvoiceRoute, { params: { id: invoice.id } });
    expect(again.body).toMatchObject({ status: 'void', voided_at: body.voided_at, void_reason: 'Issued twice by mistake' });
  });

  it.each(['paid', 'draft', 'void', 'refunded', 'partially_refunded'] as const)('a %s invoice is 409 invoice_not_voidable naming its status, and nothing changes', async (status) => {
    const invoice = await createInvoiceFixture({ status, amountRefunded: status === 'partially_refunded' ? '1000' : undefined });
    const result = await voidInvoice(invoice.id, { reason: 'Try' });
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ code: 'invoice_not_voidable', invoice_status: status });
    expect(result.body.detail).toContain(`is ${status.replace('_', ' ')}`);
    expect(await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status, voidReason: null, voidedAt: null });
    expect(await auditEntries(invoice.id)).toHaveLength(0);
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a blank reason', { reason: '   ' }],
    ['a reason over 500 characters', { reason: 'x'.repeat(501) }],
    ['an unknown field', { reason: 'ok', status: 'paid' }],
  ])('%s is 400 and the invoice stays open', async (_name, body) => {
    const invoice = await createInvoiceFixture({ status: 'open' });
    const result = await voidInvoice(invoice.id, body);
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('validation_failed');
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe('open');
  });

  it('a reason of exactly 500 characters is accepted', async () => {
    const invoice = await createInvoiceFixture({ status: 'open' });
    const result = await voidInvoice(invoice.id, { reason: 'r'.repeat(500) });
    expect(result.status).toBe(200);
    expect(result.body.void_reason).toHaveLength(500);
  });

  it('an unknown or non-UUID id is 404', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'INV-1']) {
      const result = await voidInvoice(id, { reason: 'Nope' });
      expect(result.status).toBe(404);
      expect(result.body.code).toBe('not_found');
    }
  });

  it('10 parallel voids of one invoice: one 200, nine 409, one audit entry', async () => {
    const invoice = await createInvoiceFixture({ status: 'open' });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => voidInvoice(invoice.id, { reason: `Parallel ${i}` })));
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    for (const conflict of results.filter((result) => result.status === 409)) expect(conflict.body).toMatchObject({ code: 'invoice_not_voidable', invoice_status: 'void' });
    const winner = results.find((result) => result.status === 200)!;
    const entries = await auditEntries(invoice.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ void_reason: winner.body.void_reason });
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).voidReason).toBe(winner.body.void_reason);
  });

  it('a retry with the same Idempotency-Key replays the 200 instead of answering 409', async () => {
    const invoice = await createInvoiceFixture({ status: 'open' });
    const headers = { 'Idempotency-Key': `void-${invoice.id}` };
    const first = await voidInvoice(invoice.id, { reason: 'Duplicate' }, headers);
    const retry = await voidInvoice(invoice.id, { reason: 'Duplicate' }, headers);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await auditEntries(invoice.id)).toHaveLength(1);
  });

  it('a voided invoice is no revenue: gross revenue and discounts are what they were before (docs/METRICS.md)', async () => {
    const issuedAt = new Date(Date.UTC(2031, 4, 10));
    const query = ZAnalyticsQuery.parse({ from: '2031-05-01', to: '2031-06-01', currency: 'IDR' });
    await createInvoiceFixture({ status: 'paid', total: '222000', issuedAt });
    const open = await createInvoiceFixture({ status: 'open', total: '333000', issuedAt });
    const before = (await getOverview(query)).current;
    expect(before.gross_revenue).toBeGreaterThanOrEqual(222000);
    expect((await voidInvoice(open.id, { reason: 'Customer never signed' })).status).toBe(200);
    const after = (await getOverview(query)).current;
    expect(after.gross_revenue).toBe(before.gross_revenue);
    expect(after.discounts).toBe(before.discounts);
  });
});
