import { getInvoiceOrThrow } from '@/lib/billing/invoices/get-invoice-or-throw';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute<{ id: string }>(async ({ params }) => json(await getInvoiceOrThrow(params.id)));
