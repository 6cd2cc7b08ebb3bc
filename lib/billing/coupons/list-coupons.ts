import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { couponToDto } from './coupon-dto';
import type { TCoupon } from './schemas';

/** Every coupon, newest first (SPEC §3: coupons have no sort_order), each with its derived status. */
export async function listCoupons(): Promise<TCoupon[]> {
  const coupons = await db().coupon.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const at = now();
  return coupons.map((coupon) => couponToDto(coupon, at));
}
