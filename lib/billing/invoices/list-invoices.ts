import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import { invoiceToDto } from './invoice-dto';
import { invoiceFilters } from './invoice-filters';
import type { TInvoiceListQuery, TInvoicePage } from './schemas';

/**
 * Newest first, keyset-paginated on (created_at, id) (SPEC §3.2a): a page after a cursor stays
 * the same however many invoices are created meanwhile, and a deep page costs one index range scan.
 */
export async function listInvoices(query: TInvoiceListQuery): Promise<TInvoicePage> {
  const filters = invoiceFilters(query);

  if (query.starting_after) {
    const cursor = await db().invoice.findUnique({ where: { id: query.starting_after }, select: { id: true, createdAt: true } });
    if (!cursor) throw badRequest('invalid_cursor', 'starting_after names no invoice; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown invoice id.' }]);
    // The `lte` repeats what the OR implies. Without it PostgreSQL cannot bound the index scan by
    // the OR and reads from the newest invoice down to the cursor: ~1 s for a page 800,000 rows
    // deep (docs/PERFORMANCE.md); with it, the scan starts at the cursor.
    filters.push({ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  }

  const rows = await db().invoice.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { organization: { select: { name: true } } },
  });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page.map(invoiceToDto), has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
