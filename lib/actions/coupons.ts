'use server';

import { createCoupon } from '@/lib/billing/coupons/create-coupon';
import { ZCreateCouponInput, ZUpdateCouponInput } from '@/lib/billing/coupons/schemas';
import { updateCoupon } from '@/lib/billing/coupons/update-coupon';
import { runAdminAction } from '@/lib/http/admin-action';

// Thin, like the REST routes: the same schemas, the same operations (STYLE rule 1).

export async function createCouponAction(input: unknown) {
  return runAdminAction(ZCreateCouponInput, input, (data, actor) => createCoupon(data, actor));
}

export async function updateCouponAction(id: string, input: unknown) {
  return runAdminAction(ZUpdateCouponInput, input, (data, actor) => updateCoupon(id, data, actor));
}
