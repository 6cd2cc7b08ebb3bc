import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InvoiceStatus } from '@/lib/generated/prisma/enums';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { invoiceToDto } from './invoice-dto';
import { invoiceFilters } from './invoice-filters';
import { listInvoices } from './list-invoices';
import { invoicePageJson } from './list-invoices-json';
import { ZInvoiceListQuery, type TInvoiceListQuery, type TInvoicePage } from './schemas';

/** The page as it was built before the typed raw statement: findMany + invoiceToDto over the Prisma filters. */
async function listInvoicesThroughPrisma(query: TInvoiceListQuery): Promise<TInvoicePage> {
  const filters = invoiceFilters(query);
  if (query.starting_after) {
    const cursor = await db().invoice.findUniqueOrThrow({ where: { id: query.starting_after }, select: { id: true, createdAt: true } });
    filters.push({ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  }
  const rows = await db().invoice.findMany({ where: { AND: filters }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1, include: { organization: { select: { name: true } } } });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page.map(invoiceToDto), has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

describe('listInvoices (typed raw SQL, money as exact text until JSON)', () => {
  it('answers byte for byte what findMany + invoiceToDto answer, for every filter, page and cursor', async () => {
    const run = Math.random().toString(36).slice(2, 7).toUpperCase();
    const amounts: [string, string, InvoiceStatus, string | undefined][] = [
      ['0.0001', '0', 'paid', undefined],
      ['12.3456', '1.2345', 'partially_refunded', '0.0001'],
      ['99999999999999.9999', '9999999999999.9999', 'paid', '12345678901234.5678'],
      ['1250.5', '0.1', 'refunded', '1250.5'],
      ['0.3', '0.1', 'open', undefined],
      ['111000', '11000', 'void', undefined],
      ['7', '0', 'draft', undefined],
    ];
    const created = [];
    for (const [index, [total, tax, status, refunded]] of amounts.entries()) {
      const invoice = await createInvoiceFixture({ total, taxTotal: tax, status, amountRefunded: refunded, number: `RAW-${run}-${index}_%`, issuedAt: new Date(Date.UTC(2031, 0, 10 + index, 12)) });
      created.push(invoice);
    }
    // Two invoices at the same instant: the cursor's tie-break on id.
    const tie = new Date(Date.UTC(2031, 1, 1));
    await db().invoice.updateMany({ where: { id: { in: [created[1]!.id, created[2]!.id] } }, data: { createdAt: tie } });
    await db().organization.update({ where: { id: created[3]!.organizationId }, data: { name: `Tenant "quoted" \\ ${run} ✓` } });

    const queries: Record<string, string>[] = [
      {},
      { limit: '3' },
      { limit: '1', q: `raw-${run}` },
      { q: `RAW-${run}-1_%` },
      { q: '_' },
      { q: '%' },
      { status: 'paid' },
      { status: 'partially_refunded', limit: '2' },
      { organization_id: created[3]!.organizationId },
      { from: '2031-01-11', to: '2031-01-13' },
      { from: '2031-01-12T12:00:00.000Z', to: '2031-01-14T12:00:00.000Z' },
      { status: 'void', from: '2031-01-01', q: run },
      ...created.map((invoice) => ({ limit: '2', starting_after: invoice.id })),
      ...created.map((invoice) => ({ limit: '50', starting_after: invoice.id, q: run })),
      { starting_after: created[2]!.id, status: 'paid', q: run },
    ];
    let compared = 0;
    for (const raw of queries) {
      let current = ZInvoiceListQuery.parse(raw);
      let expected = await listInvoicesThroughPrisma(current);
      let listed = await listInvoices(current);
      // Follow the pages to the end of this run's invoices: every cursor on the way compares too.
      for (let pages = 0; pages < 4; pages++) {
        expect(JSON.stringify(listed), JSON.stringify(raw)).toBe(JSON.stringify(expected));
        // The page's JSON written by PostgreSQL (GET /invoices' body): the same bytes.
        expect(await invoicePageJson(current, undefined), JSON.stringify(raw)).toBe(JSON.stringify(expected));
        compared += listed.data.length;
        if (!expected.next_cursor || !raw.q) break;
        current = ZInvoiceListQuery.parse({ ...raw, starting_after: expected.next_cursor });
        [expected, listed] = [await listInvoicesThroughPrisma(current), await listInvoices(current)];
      }
    }
    expect(compared).toBeGreaterThan(40);
    const extreme = (await listInvoices(ZInvoiceListQuery.parse({ q: `RAW-${run}-2` }))).data[0]!;
    expect(extreme).toMatchObject({ total: 99999999999999.9999, tax_total: 9999999999999.9999, amount_refunded: 12345678901234.5678 });
    expect(extreme.amount_refundable).toBe(new Prisma.Decimal('99999999999999.9999').minus('12345678901234.5678').toNumber());
  });

  it('still refuses a cursor that names no invoice', async () => {
    const unknown = ZInvoiceListQuery.parse({ starting_after: '00000000-0000-4000-8000-000000000000' });
    await expect(listInvoices(unknown)).rejects.toMatchObject({ code: 'invalid_cursor' });
    await expect(invoicePageJson(unknown, undefined)).rejects.toMatchObject({ code: 'invalid_cursor' });
    // Read by the admission statement already: NULL is the same unknown cursor.
    await expect(invoicePageJson(unknown, null)).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});
