import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { moneyTextToJson } from '@/lib/money';
import { invoiceFilterSql } from './invoice-filter-sql';
import { REFUNDABLE_STATUSES, type TInvoice, type TInvoiceListQuery, type TInvoicePage } from './schemas';

/**
 * Newest first, keyset-paginated on (created_at, id) (SPEC §3.2a): a page after a cursor stays
 * the same however many invoices are created meanwhile, and a deep page costs one index range scan.
 *
 * A hot read (the console's list, deep pages of ~1M invoices), so, like listPlans, one typed raw
 * statement instead of findMany + invoiceToDto: money leaves PostgreSQL as its numeric's exact text
 * and becomes a JSON number only here (moneyTextToJson), with no Decimal per amount; the refundable
 * amount is computed in numeric. The answer is byte for byte what findMany + invoiceToDto gave
 * (list-invoices.int.test.ts, fractional and extreme amounts and every filter).
 */
export async function listInvoices(query: TInvoiceListQuery): Promise<TInvoicePage> {
  const conditions = invoiceFilterSql(query);

  if (query.starting_after) {
    const [cursor] = await db().$queryRaw<{ created_at: Date }[]>`SELECT created_at FROM invoices WHERE id = ${query.starting_after}::uuid`;
    if (!cursor) throw unknownCursor();
    // The `<=` repeats what the OR implies. Without it PostgreSQL cannot bound the index scan by
    // the OR and reads from the newest invoice down to the cursor: ~1 s for a page 800,000 rows
    // deep (docs/PERFORMANCE.md); with it, the scan starts at the cursor.
    const at = Prisma.sql`${cursor.created_at}::timestamptz`;
    conditions.push(Prisma.sql`i.created_at <= ${at}`, Prisma.sql`(i.created_at < ${at} OR (i.created_at = ${at} AND i.id < ${query.starting_after}::uuid))`);
  }

  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await db().$queryRaw<TInvoiceRow[]>`
    SELECT i.id::text, i.number, i.organization_id::text, o.name AS organization_name, i.subscription_id::text, i.currency, i.status::text,
           i.period_start, i.period_end, i.subtotal::text, i.discount_total::text, i.tax_total::text, i.total::text,
           i.amount_paid::text, i.amount_refunded::text,
           CASE WHEN i.status::text IN (${Prisma.join(REFUNDABLE_STATUSES)}) THEN (i.amount_paid - i.amount_refunded)::text ELSE '0' END AS amount_refundable,
           i.issued_at, i.paid_at, i.created_at
    FROM invoices i JOIN organizations o ON o.id = i.organization_id
    ${where}
    ORDER BY i.created_at DESC, i.id DESC
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page.map(rowToDto), has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

/** 400 for a `starting_after` that names no invoice (this page and the JSON one: list-invoices-json.ts). */
export const unknownCursor = () =>
  badRequest('invalid_cursor', 'starting_after names no invoice; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown invoice id.' }]);

function rowToDto(row: TInvoiceRow): TInvoice {
  return {
    id: row.id,
    number: row.number,
    organization_id: row.organization_id,
    organization_name: row.organization_name,
    subscription_id: row.subscription_id,
    currency: row.currency as TInvoice['currency'],
    status: row.status as TInvoice['status'],
    period_start: row.period_start.toISOString(),
    period_end: row.period_end.toISOString(),
    subtotal: moneyTextToJson(row.subtotal),
    discount_total: moneyTextToJson(row.discount_total),
    tax_total: moneyTextToJson(row.tax_total),
    total: moneyTextToJson(row.total),
    amount_paid: moneyTextToJson(row.amount_paid),
    amount_refunded: moneyTextToJson(row.amount_refunded),
    amount_refundable: moneyTextToJson(row.amount_refundable),
    issued_at: row.issued_at?.toISOString() ?? null,
    paid_at: row.paid_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

interface TInvoiceRow {
  id: string;
  number: string;
  organization_id: string;
  organization_name: string;
  subscription_id: string;
  currency: string;
  status: string;
  period_start: Date;
  period_end: Date;
  /** numeric(18,4) as PostgreSQL spells it: exact. */
  subtotal: string;
  discount_total: string;
  tax_total: string;
  total: string;
  amount_paid: string;
  amount_refunded: string;
  amount_refundable: string;
  issued_at: Date | null;
  paid_at: Date | null;
  created_at: Date;
}
