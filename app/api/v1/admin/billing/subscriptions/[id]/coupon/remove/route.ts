import { removeCoupon } from '@/lib/billing/subscriptions/remove-coupon';
import { adminRoute, json } from '@/lib/http/admin-route';

export const POST = adminRoute<{ id: string }>(async ({ params, actor, requestId }) => json(await removeCoupon(params.id, actor, requestId)));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
