import { recordPayment } from '@/lib/billing/payments/record-payment';
import { ZRecordPaymentInput } from '@/lib/billing/payments/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

// SPEC §11: money received (a bank transfer, a VA payment…). Idempotency-Key through adminRoute.
export const POST = adminRoute<{ id: string }>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'invoice');
  return json(await recordPayment(id, body(ZRecordPaymentInput), actor, { requestId }), 201);
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
