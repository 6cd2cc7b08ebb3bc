import { createCoupon } from '@/lib/billing/coupons/create-coupon';
import { listCoupons } from '@/lib/billing/coupons/list-coupons';
import { ZCoupon, ZCreateCouponInput } from '@/lib/billing/coupons/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { jsonListRead, respondList } from '@/lib/http/respond-list';
import { couponsVersionSql } from '@/lib/billing/coupons/coupon-versions';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`. The JSON has an ETag: If-None-Match → 304 (lib/http/conditional-get.ts).
export const GET = adminRoute(async ({ request }) => respondList(request, { name: 'coupons', schema: ZCoupon }, await listCoupons()), {
  versionSql: jsonListRead(couponsVersionSql) });

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createCoupon(body(ZCreateCouponInput), actor, requestId), 201),
);

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
