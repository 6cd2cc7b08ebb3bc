import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import { invoiceFilters } from './invoice-filters';
import { listInvoices } from './list-invoices';
import type { TInvoice, TInvoiceListQuery } from './schemas';

/** Most invoices one CSV export may hold; beyond it the caller narrows the filters (400). */
export const INVOICE_EXPORT_LIMIT = 100_000;
const BATCH_SIZE = 1_000;

/**
 * Every invoice matching GET /invoices' filters (status, organization_id, from, to, q), not one page,
 * newest first. `limit` and `starting_after` are ignored: an export is the whole result.
 *
 * Over the limit is refused before anything is sent (400 `export_too_large`), because a truncated
 * file would pass for a complete one. 400, not 413: the request is small, its filters are too broad.
 * The rows then come in keyset batches through listInvoices, so memory holds one batch at a time.
 */
export async function exportInvoices(query: TInvoiceListQuery, limit = INVOICE_EXPORT_LIMIT): Promise<AsyncIterable<TInvoice[]>> {
  // Whether a (limit + 1)-th match exists: reads at most limit + 1 rows, unlike count(*) over all.
  const beyondLimit = await db().invoice.findFirst({ where: { AND: invoiceFilters(query) }, skip: limit, select: { id: true } });
  if (beyondLimit) {
    throw badRequest(
      'export_too_large',
      `More than ${limit.toLocaleString('en')} invoices match; a CSV export holds at most ${limit.toLocaleString('en')}. Narrow the filters (from/to, status, organization_id) and export in parts.`,
    );
  }
  return batches(query, limit);
}

async function* batches(query: TInvoiceListQuery, limit: number): AsyncGenerator<TInvoice[]> {
  let startingAfter: string | undefined;
  let remaining = limit;
  do {
    const page = await listInvoices({ ...query, limit: Math.min(BATCH_SIZE, remaining), starting_after: startingAfter });
    remaining -= page.data.length;
    yield page.data;
    startingAfter = page.next_cursor ?? undefined;
  } while (startingAfter && remaining > 0);
}
