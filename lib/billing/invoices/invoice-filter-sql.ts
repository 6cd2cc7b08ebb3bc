import { Prisma } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/db/escape-like';
import { dateBoundEnd, dateBoundStart, type TInvoiceListQuery } from './schemas';

/**
 * GET /invoices' filters as SQL over `invoices i`, for the typed raw page (listInvoices): the same
 * conditions as invoiceFilters (the Prisma WHERE the CSV export uses), condition for condition —
 * list-invoices.int.test.ts holds the two to the same rows for every filter.
 */
export function invoiceFilterSql(query: TInvoiceListQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.status) conditions.push(Prisma.sql`i.status = ${query.status}::"InvoiceStatus"`);
  if (query.organization_id) conditions.push(Prisma.sql`i.organization_id = ${query.organization_id}::uuid`);
  if (query.from) conditions.push(Prisma.sql`i.issued_at >= ${dateBoundStart(query.from)}::timestamptz`);
  if (query.to) conditions.push(Prisma.sql`i.issued_at < ${dateBoundEnd(query.to)}::timestamptz`);
  // Prisma's `contains` + insensitive: ILIKE with the pattern's own wildcards escaped (backslash, PostgreSQL's default).
  if (query.q) conditions.push(Prisma.sql`i.number ILIKE ${`%${escapeLike(query.q)}%`}`);
  return conditions;
}
