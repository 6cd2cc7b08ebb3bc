import { exportInvoices } from '@/lib/billing/invoices/export-invoices';
import { invoicePageJson, listInvoicesJsonSql } from '@/lib/billing/invoices/list-invoices-json';
import { ZInvoice, ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';
import { adminRoute } from '@/lib/http/admin-route';
import { listFormat, parseListQuery } from '@/lib/http/list-format';
import { respondPagedList } from '@/lib/http/respond-list';

// JSON: one page, written by PostgreSQL and, with an API key, read by the admission statement (one
// round trip). CSV (`Accept: text/csv` / `?format=csv`): every invoice matching the filters.
export const GET = adminRoute(
  async ({ request, prefetched }) => {
    const query = parseListQuery(request, ZInvoiceListQuery);
    return respondPagedList(request, { name: 'invoices', schema: ZInvoice }, () => invoicePageJson(query, prefetched), () => exportInvoices(query));
  },
  { prefetch: ({ request }) => (listFormat(request) === 'json' ? listInvoicesJsonSql(parseListQuery(request, ZInvoiceListQuery)) : null) },
);

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
