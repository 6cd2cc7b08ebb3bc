import { beforeAll, describe, expect, it } from 'vitest';
import { GET as invoicesRoute } from '@/app/api/v1/admin/billing/invoices/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createSubscriptionFixture } from '@/tests/integration/billing-fixtures';
import { csvObjects } from '@/tests/integration/parse-csv';
import { exportInvoices } from './export-invoices';
import { ZInvoiceListQuery, type TInvoice } from './schemas';

const TOTAL = 2_345; // three batches of 1,000: two full, one partial
let api: ReturnType<typeof apiAs>;
const query = (filters: Record<string, string> = {}) => ZInvoiceListQuery.parse({ q: 'EXPORT-', ...filters });

async function collect(batches: AsyncIterable<TInvoice[]>): Promise<TInvoice[][]> {
  const seen: TInvoice[][] = [];
  for await (const batch of batches) seen.push(batch);
  return seen;
}

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  const { subscription } = await createSubscriptionFixture();
  const start = Date.UTC(2026, 0, 1);
  // Seven invoices share each created_at, so the keyset's id tie-break is exercised across batches.
  await db().invoice.createMany({
    data: Array.from({ length: TOTAL }, (_, i) => {
      const at = new Date(start + Math.floor(i / 7) * 60_000);
      return {
        number: `EXPORT-${String(i).padStart(5, '0')}`,
        organizationId: subscription.organizationId,
        subscriptionId: subscription.id,
        planId: subscription.planId,
        currency: 'IDR',
        status: i % 5 === 0 ? ('void' as const) : ('paid' as const),
        // A period of its own (one invoice per subscription, kind and period is a unique index).
        periodStart: new Date(start + i * 1_000),
        periodEnd: new Date(start + i * 1_000),
        subtotal: '100000',
        total: '100000',
        amountPaid: i % 5 === 0 ? '0' : '100000',
        issuedAt: at,
        paidAt: i % 5 === 0 ? null : at,
        createdAt: at,
      };
    }),
  });
});

describe('exportInvoices', () => {
  it('yields every match once, newest first, in keyset batches of 1,000', async () => {
    const batches = await collect(await exportInvoices(query()));
    expect(batches.map((batch) => batch.length)).toEqual([1000, 1000, 345]);
    const rows = batches.flat();
    expect(new Set(rows.map((row) => row.id)).size).toBe(TOTAL);
    const keys = rows.map((row) => `${row.created_at} ${row.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('applies the filters', async () => {
    const rows = (await collect(await exportInvoices(query({ status: 'void' })))).flat();
    expect(rows).toHaveLength(Math.ceil(TOTAL / 5));
    expect(rows.every((row) => row.status === 'void')).toBe(true);
  });

  it('refuses more matches than the limit before sending anything (400 export_too_large); exactly the limit is fine', async () => {
    await expect(exportInvoices(query(), TOTAL - 1)).rejects.toMatchObject({ status: 400, code: 'export_too_large' });
    expect((await collect(await exportInvoices(query(), TOTAL))).flat()).toHaveLength(TOTAL);
  });
});

describe('GET /invoices?format=csv over many batches', () => {
  it('streams all of them as one well-formed CSV', async () => {
    const result = await api(invoicesRoute, { query: { q: 'EXPORT-', format: 'csv' } });
    expect(result.status).toBe(200);
    const { rows } = csvObjects(result.text);
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((row) => row.number)).size).toBe(TOTAL);
  });
});
