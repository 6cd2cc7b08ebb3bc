import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { couponToDto } from './coupon-dto';
import type { TCoupon } from './schemas';

export async function getCouponOrThrow(rawId: string): Promise<TCoupon> {
  const coupon = await db().coupon.findUnique({ where: { id: parseId(rawId, 'coupon') } });
  if (!coupon) throw notFound('coupon');
  return couponToDto(coupon);
}
