/**
 * Whether a coupon may discount an invoice (SPEC §5): active, inside its validity window, under
 * `max_uses`, applicable to the plan, and — for a fixed discount — in the invoice's currency.
 * Pure: the caller passes the moment to judge at. A redemption must still increment `current_uses`
 * with a conditional update, because this check alone cannot stop two concurrent redemptions.
 *
 * The checks run in the order of the coupon's derived status (inactive, expired, exhausted,
 * scheduled), so the reason given matches what the console's coupon list shows.
 * The window is inclusive at both ends: a coupon is valid at `valid_from` and still at
 * `valid_until`, and expired once `valid_until` has passed.
 */
export interface TCouponForCheck {
  discountType: 'percentage' | 'fixed';
  currency: string | null;
  isActive: boolean;
  validFrom: Date;
  validUntil: Date | null;
  maxUses: number | null;
  currentUses: number;
  /** Plan ids; null or empty means every plan. */
  applicablePlans: readonly string[] | null;
}

export type TCouponRejection = 'inactive' | 'expired' | 'exhausted' | 'not_yet_valid' | 'plan_not_eligible' | 'currency_mismatch';

export type TCouponApplies = { ok: true } | { ok: false; reason: TCouponRejection };

export function couponApplies(
  coupon: TCouponForCheck,
  invoice: { planId: string; currency: string; at: Date },
): TCouponApplies {
  const at = invoice.at.getTime();
  if (!coupon.isActive) return reject('inactive');
  if (coupon.validUntil && at > coupon.validUntil.getTime()) return reject('expired');
  if (coupon.maxUses !== null && coupon.currentUses >= coupon.maxUses) return reject('exhausted');
  if (at < coupon.validFrom.getTime()) return reject('not_yet_valid');
  const plans = coupon.applicablePlans ?? [];
  if (plans.length > 0 && !plans.includes(invoice.planId)) return reject('plan_not_eligible');
  if (coupon.discountType === 'fixed' && coupon.currency !== invoice.currency) return reject('currency_mismatch');
  return { ok: true };
}

function reject(reason: TCouponRejection): TCouponApplies {
  return { ok: false, reason };
}
