import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

export const GET = adminRoute(async ({ request }) => json(await listInvoices(parseQuery(request, ZInvoiceListQuery))));
