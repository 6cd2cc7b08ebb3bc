import { getInvoiceOrThrow } from '@/lib/billing/invoices/get-invoice-or-throw';
import { adminRoute, json } from '@/lib/http/admin-route';
import { invoiceVersionSql } from '@/lib/billing/invoices/read-invoice-version';

// ETag: If-None-Match → 304 without reading the invoice (lib/http/conditional-get.ts).
export const GET = adminRoute<{ id: string }>(async ({ params }) => json(await getInvoiceOrThrow(params.id)), {
  versionSql: ({ params }) => invoiceVersionSql(params.id),
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
