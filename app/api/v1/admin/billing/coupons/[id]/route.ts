import { getCouponOrThrow } from '@/lib/billing/coupons/get-coupon-or-throw';
import { ZUpdateCouponInput } from '@/lib/billing/coupons/schemas';
import { updateCoupon } from '@/lib/billing/coupons/update-coupon';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';
import { couponVersionSql } from '@/lib/billing/coupons/coupon-versions';

type Params = { id: string };

export const GET = adminRoute<Params>(async ({ params }) => json(await getCouponOrThrow(params.id)), { versionSql: ({ params }) => couponVersionSql(params.id) });

// SPEC §3: PUT is accepted as an alias of PATCH (a partial update). An unknown id is 404 before the body is judged.
export const PATCH = adminRoute<Params>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'coupon');
  return json(await updateCoupon(id, body(ZUpdateCouponInput), actor, requestId));
});
export const PUT = PATCH;

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
