import type { Prisma } from '@/lib/generated/prisma/client';
import { dateBoundEnd, dateBoundStart, type TInvoiceListQuery } from './schemas';
import { escapeLike } from '@/lib/db/escape-like';

/** The WHERE of GET /invoices' filters, shared by the page (listInvoices) and the CSV export. */
export function invoiceFilters(query: TInvoiceListQuery): Prisma.InvoiceWhereInput[] {
  const filters: Prisma.InvoiceWhereInput[] = [];
  if (query.status) filters.push({ status: query.status });
  if (query.organization_id) filters.push({ organizationId: query.organization_id });
  if (query.from) filters.push({ issuedAt: { gte: dateBoundStart(query.from) } });
  if (query.to) filters.push({ issuedAt: { lt: dateBoundEnd(query.to) } });
  if (query.q) filters.push({ number: { contains: escapeLike(query.q), mode: 'insensitive' } });
  return filters;
}
