import { applyCoupon } from '@/lib/billing/subscriptions/apply-coupon';
import { ZApplyCouponInput } from '@/lib/billing/subscriptions/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'subscription');
  return json(await applyCoupon(id, body(ZApplyCouponInput).code, actor, requestId));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
