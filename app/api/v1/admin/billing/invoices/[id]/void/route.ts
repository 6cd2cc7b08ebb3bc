import { ZVoidInvoiceInput } from '@/lib/billing/invoices/schemas';
import { voidInvoice } from '@/lib/billing/invoices/void-invoice';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

// Open invoices only (409 invoice_not_voidable otherwise); Idempotency-Key replays the first answer.
export const POST = adminRoute<{ id: string }>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'invoice');
  return json(await voidInvoice(id, body(ZVoidInvoiceInput), actor, requestId));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
