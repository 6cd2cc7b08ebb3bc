import { createCoupon } from '@/lib/billing/coupons/create-coupon';
import { listCoupons } from '@/lib/billing/coupons/list-coupons';
import { ZCreateCouponInput } from '@/lib/billing/coupons/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute(async () => json(await listCoupons()));

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createCoupon(body(ZCreateCouponInput), actor, requestId), 201),
);
