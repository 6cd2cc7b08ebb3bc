import type { TCouponForCheck } from '@/lib/billing/invoices/coupon-applies';

/** The derived status the coupon list shows, in precedence order (SPEC §5: first match wins). */
export const COUPON_STATUSES = ['inactive', 'expired', 'exhausted', 'scheduled', 'active'] as const;
export type TCouponStatus = (typeof COUPON_STATUSES)[number];

type TCouponStatusInput = Pick<TCouponForCheck, 'isActive' | 'validFrom' | 'validUntil' | 'maxUses' | 'currentUses'>;

/**
 * Pure: the caller passes the moment to judge at. Same boundaries as couponApplies (the window is
 * inclusive at both ends), so a coupon listed as active is one an invoice at that moment may use.
 */
export function couponStatus(coupon: TCouponStatusInput, at: Date): TCouponStatus {
  const now = at.getTime();
  if (!coupon.isActive) return 'inactive';
  if (coupon.validUntil && now > coupon.validUntil.getTime()) return 'expired';
  if (coupon.maxUses !== null && coupon.currentUses >= coupon.maxUses) return 'exhausted';
  if (now < coupon.validFrom.getTime()) return 'scheduled';
  return 'active';
}
