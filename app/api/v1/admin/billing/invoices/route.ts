import { exportInvoices } from '@/lib/billing/invoices/export-invoices';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { ZInvoice, ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';
import { adminRoute } from '@/lib/http/admin-route';
import { parseListQuery } from '@/lib/http/list-format';
import { respondPagedList } from '@/lib/http/respond-list';

// JSON: one page. CSV (`Accept: text/csv` / `?format=csv`): every invoice matching the filters.
export const GET = adminRoute(async ({ request }) => {
  const query = parseListQuery(request, ZInvoiceListQuery);
  return respondPagedList(request, { name: 'invoices', schema: ZInvoice }, () => listInvoices(query), () => exportInvoices(query));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
