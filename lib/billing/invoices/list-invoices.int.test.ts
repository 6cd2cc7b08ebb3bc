import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/admin/billing/invoices/route';
import { GET as detailRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { ZInvoiceDetail, ZInvoicePage } from './schemas';

let api: ReturnType<typeof apiAs>;
const list = (query: Record<string, string> = {}) => api(listRoute, { query });
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  // 30 invoices over 30 days, statuses rotating; numbers searchable.
  const statuses = ['paid', 'open', 'draft', 'void', 'refunded', 'partially_refunded'] as const;
  for (let i = 0; i < 30; i++) {
    const status = statuses[i % statuses.length]!;
    await createInvoiceFixture({ status, number: `INV-2026${String(i).padStart(4, '0')}`, issuedAt: day(`2026-03-${String(i + 1).padStart(2, '0')}`.replace('-31', '-30')), amountRefunded: status === 'partially_refunded' ? '1000' : undefined });
  }
});

describe('GET /invoices', () => {
  it('returns a keyset page: { data, has_more, next_cursor }, newest first', async () => {
    const page = ZInvoicePage.parse((await list({ limit: '10' })).body);
    expect(page.data).toHaveLength(10);
    expect(page.has_more).toBe(true);
    expect(page.next_cursor).toBe(page.data.at(-1)!.id);
    const created = page.data.map((invoice) => invoice.created_at);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('walks every invoice exactly once, stable under inserts between pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await list({ limit: '7', ...(cursor ? { starting_after: cursor } : {}) });
      const page = ZInvoicePage.parse(result.body);
      seen.push(...page.data.map((invoice) => invoice.id));
      cursor = page.next_cursor;
      if (pages++ === 1) await createInvoiceFixture({ number: 'INV-INSERTED-MEANWHILE' }); // newer than every cursor
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('the default limit is 25 and limits outside 1–100 are 400', async () => {
    expect((await list()).body.data).toHaveLength(25);
    for (const limit of ['0', '101', 'abc', '2.5']) {
      const result = await list({ limit });
      expect(result.status).toBe(400);
      expect(result.body.errors[0].path).toBe('limit');
    }
  });

  it('filters by status', async () => {
    const page = (await list({ status: 'void', limit: '100' })).body;
    expect(page.data.length).toBe(5);
    expect(page.data.every((invoice: { status: string }) => invoice.status === 'void')).toBe(true);
    expect((await list({ status: 'lost' })).status).toBe(400);
  });

  it('filters by organization', async () => {
    const some = (await list({ limit: '1' })).body.data[0];
    const page = (await list({ organization_id: some.organization_id })).body;
    expect(page.data.map((invoice: { id: string }) => invoice.id)).toEqual([some.id]);
    expect((await list({ organization_id: 'acme' })).status).toBe(400);
  });

  it('filters by issued date range, `to` inclusive of its whole day', async () => {
    const page = (await list({ from: '2026-03-05', to: '2026-03-07', limit: '100' })).body;
    expect(page.data.map((invoice: { number: string }) => invoice.number).sort()).toEqual(['INV-20260004', 'INV-20260005', 'INV-20260006']);
  });

  it('rejects bad dates and reversed ranges', async () => {
    expect((await list({ from: '2026-13-01' })).status).toBe(400);
    expect((await list({ from: '2026-03-10', to: '2026-03-01' })).status).toBe(400);
  });

  it('searches by number, case-insensitively', async () => {
    const page = (await list({ q: 'inv-20260012' })).body;
    expect(page.data.map((invoice: { number: string }) => invoice.number)).toEqual(['INV-20260012']);
  });

  it('search text is literal: % and _ match only themselves', async () => {
    expect((await list({ q: '%' })).body.data).toEqual([]);
    expect((await list({ q: 'INV-2026001_' })).body.data).toEqual([]);
  });

  it('an unknown cursor is 400 invalid_cursor, a malformed one 400', async () => {
    expect((await list({ starting_after: crypto.randomUUID() })).body.code).toBe('invalid_cursor');
    expect((await list({ starting_after: 'nope' })).status).toBe(400);
  });

  it('unknown query parameters are 400', async () => {
    expect((await list({ sort: 'total' })).status).toBe(400);
  });

  it('amount_refundable is paid minus refunded on refundable invoices and 0 otherwise', async () => {
    const partial = (await list({ status: 'partially_refunded', limit: '1' })).body.data[0];
    expect(partial.amount_refundable).toBe(partial.amount_paid - 1000);
    const open = (await list({ status: 'open', limit: '1' })).body.data[0];
    expect(open.amount_refundable).toBe(0);
  });
});

describe('GET /invoices/{id}', () => {
  it('shows lines, payments, refunds and the refundable amount', async () => {
    const some = (await list({ status: 'paid', limit: '1' })).body.data[0];
    const detail = ZInvoiceDetail.parse((await api(detailRoute, { params: { id: some.id } })).body);
    expect(detail.lines.length).toBeGreaterThan(0);
    expect(detail.amount_refundable).toBe(detail.amount_paid);
    expect(detail.refunds).toEqual([]);
  });

  it('unknown and non-UUID ids are 404', async () => {
    expect((await api(detailRoute, { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await api(detailRoute, { params: { id: 'INV-1' } })).status).toBe(404);
  });
});
