import { refundInvoice } from '@/lib/billing/refunds/refund-invoice';
import { ZRefundInput } from '@/lib/billing/refunds/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

// Idempotency-Key is honoured by adminRoute for every POST: a retried refund never refunds twice.
export const POST = adminRoute<{ id: string }>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'invoice');
  return json(await refundInvoice(id, body(ZRefundInput), actor, requestId), 201);
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
