import { now as clockNow } from '@/lib/clock';
import type { Coupon } from '@/lib/generated/prisma/client';
import { moneyToJson } from '@/lib/money';
import { couponStatus } from './coupon-status';
import type { TCoupon } from './schemas';

/** A coupon row as the API shows it: seed field names, the extensions, and the status derived at `now`. */
export function couponToDto(coupon: Coupon, now: Date = clockNow()): TCoupon {
  return {
    id: coupon.id,
    code: coupon.code,
    discount_type: coupon.discountType,
    discount_value: moneyToJson(coupon.discountValue),
    currency: coupon.currency as TCoupon['currency'],
    duration: coupon.duration,
    duration_in_cycles: coupon.durationInCycles,
    max_uses: coupon.maxUses,
    current_uses: coupon.currentUses,
    valid_from: coupon.validFrom.toISOString(),
    valid_until: coupon.validUntil?.toISOString() ?? null,
    applicable_plans: coupon.applicablePlans,
    is_active: coupon.isActive,
    created_at: coupon.createdAt.toISOString(),
    status: couponStatus(coupon, now),
  };
}
