import { Prisma } from '@/lib/generated/prisma/client';
import { jsonMoney, jsonObject, jsonString, jsonTimestamp } from '@/lib/db/json-text';
import { readScalar, type TScalarRead } from '@/lib/db/scalar-read';
import { invoiceFilterSql } from './invoice-filter-sql';
import { unknownCursor } from './list-invoices';
import { REFUNDABLE_STATUSES, type TInvoiceListQuery } from './schemas';

const money = (name: string) => jsonMoney(Prisma.raw(`i.${name}`));
const time = (name: string) => jsonTimestamp(Prisma.raw(`i.${name}`));

/** One invoice as JSON.stringify(rowToDto(row)) spells it (listInvoices), field for field. */
const INVOICE_JSON = jsonObject([
  ['id', jsonString(Prisma.sql`i.id::text`)],
  ['number', jsonString(Prisma.sql`i.number`)],
  ['organization_id', jsonString(Prisma.sql`i.organization_id::text`)],
  ['organization_name', jsonString(Prisma.sql`o.name`)],
  ['subscription_id', jsonString(Prisma.sql`i.subscription_id::text`)],
  ['currency', jsonString(Prisma.sql`i.currency`)],
  ['status', jsonString(Prisma.sql`i.status::text`)],
  ['period_start', time('period_start')],
  ['period_end', time('period_end')],
  ...(['subtotal', 'discount_total', 'tax_total', 'total', 'amount_paid', 'amount_refunded'] as const).map((name): [string, Prisma.Sql] => [name, money(name)]),
  ['amount_refundable', jsonMoney(Prisma.sql`CASE WHEN i.status::text IN (${Prisma.join(REFUNDABLE_STATUSES)}) THEN i.amount_paid - i.amount_refunded ELSE 0 END`)],
  ['issued_at', time('issued_at')],
  ['paid_at', time('paid_at')],
  ['created_at', time('created_at')],
]);

/**
 * A page of GET /invoices (JSON) built by PostgreSQL, as a scalar read (lib/db/scalar-read.ts):
 * the text of JSON.stringify(await listInvoices(query)), byte for byte (list-invoices-raw.int.test.ts),
 * in one statement — the cursor's created_at is read by the same statement (an InitPlan the index
 * scan is bounded by, as listInvoices bounds it with the value it read first) — so an API key's
 * admission statement reads the whole page (adminRoute's `prefetch`): one round trip, no row decoded
 * in Node. NULL when `starting_after` names no invoice.
 */
export function listInvoicesJsonSql(query: TInvoiceListQuery): TScalarRead {
  const conditions = invoiceFilterSql(query);
  const cursorId = query.starting_after;
  if (cursorId) {
    // The `<=` repeats what the row comparison implies: it bounds the index scan (listInvoices).
    const at = Prisma.sql`(SELECT created_at FROM invoices WHERE id = ${cursorId}::uuid)`;
    conditions.push(Prisma.sql`i.created_at <= ${at}`, Prisma.sql`(i.created_at < ${at} OR (i.created_at = ${at} AND i.id < ${cursorId}::uuid))`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const known = cursorId ? Prisma.sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${cursorId}::uuid)` : Prisma.sql`true`;
  return Prisma.sql`(
    WITH page AS (
      SELECT ${INVOICE_JSON} AS json, i.id, row_number() OVER (ORDER BY i.created_at DESC, i.id DESC) AS n
      FROM (SELECT * FROM invoices i ${where} ORDER BY i.created_at DESC, i.id DESC LIMIT ${query.limit + 1}) i
      JOIN organizations o ON o.id = i.organization_id
    )
    SELECT CASE WHEN ${known} THEN
      '{"data":[' || coalesce(string_agg(json, ',' ORDER BY n) FILTER (WHERE n <= ${query.limit}), '') || '],"has_more":' || (count(*) > ${query.limit})::text
      || ',"next_cursor":' || CASE WHEN count(*) > ${query.limit} THEN '"' || max(id::text) FILTER (WHERE n = ${query.limit}) || '"' ELSE 'null' END || '}'
    END
    FROM page)`;
}

/** The page's JSON text: `prefetched` when the admission statement read it, else read here; 400 for an unknown cursor. */
export async function invoicePageJson(query: TInvoiceListQuery, prefetched: string | null | undefined): Promise<string> {
  const text = prefetched === undefined ? await readScalar(listInvoicesJsonSql(query)) : prefetched;
  if (text === null) throw unknownCursor();
  return text;
}
