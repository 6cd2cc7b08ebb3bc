import { createCoupon } from '@/lib/billing/coupons/create-coupon';
import { listCoupons } from '@/lib/billing/coupons/list-coupons';
import { ZCoupon, ZCreateCouponInput } from '@/lib/billing/coupons/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { respondList } from '@/lib/http/respond-list';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`.
export const GET = adminRoute(async ({ request }) => respondList(request, { name: 'coupons', schema: ZCoupon }, await listCoupons()));

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createCoupon(body(ZCreateCouponInput), actor, requestId), 201),
);
