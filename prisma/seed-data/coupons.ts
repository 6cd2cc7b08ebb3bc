import type { Prisma } from '../../lib/generated/prisma/client';
import { DAY, addTime, monthStart } from './calendar';
import { seedUuid } from './prng';

/**
 * Demo coupons: one of each kind an operator meets — percentage and fixed, once / repeating /
 * forever, unlimited and capped, plan-restricted, and one in every derived status (active,
 * expired, exhausted, scheduled, inactive). Dates are months relative to the seeding month.
 * `current_uses` starts at 0: the demo invoices redeem them, and the seed adds those redemptions.
 */
interface TCouponSeed {
  code: string;
  type: 'percentage' | 'fixed';
  value: number;
  duration: 'once' | 'repeating' | 'forever';
  cycles?: number;
  maxUses?: number;
  from: number;
  /** Last month valid (to its end), or open-ended. */
  until?: number;
  plans?: string[];
  active?: boolean;
}

const COUPONS: TCouponSeed[] = [
  { code: 'WELCOME20', type: 'percentage', value: 20, duration: 'once', from: -24 },
  { code: 'HEMAT100K', type: 'fixed', value: 100_000, duration: 'repeating', cycles: 3, maxUses: 100, from: -18, until: 6 },
  { code: 'PARTNER10', type: 'percentage', value: 10, duration: 'forever', from: -30 },
  // Exhausted: the demo's first invoices use all 8.
  { code: 'LAUNCH50', type: 'percentage', value: 50, duration: 'once', maxUses: 8, from: -14 },
  // Expired: a seasonal campaign that ran for three months.
  { code: 'RAMADAN25', type: 'percentage', value: 25, duration: 'once', from: -9, until: -7 },
  { code: 'PROUPGRADE', type: 'fixed', value: 500_000, duration: 'repeating', cycles: 6, from: -12, plans: ['pro', 'enterprise'] },
  // Scheduled: starts next month.
  { code: 'NEWYEAR30', type: 'percentage', value: 30, duration: 'once', maxUses: 50, from: 1, until: 2 },
  { code: 'FLASHSALE15', type: 'percentage', value: 15, duration: 'once', from: -20, until: -16, active: false },
];

export const COUPON_CODES = COUPONS.map((coupon) => coupon.code);

export function couponSeedRows(now: Date, planIdsBySlug: ReadonlyMap<string, string>): Prisma.CouponCreateManyInput[] {
  return COUPONS.map((coupon) => {
    const validFrom = monthStart(now, coupon.from);
    const created = coupon.from > 0 ? monthStart(now, 0) : addTime(validFrom, -3 * DAY);
    return {
      id: seedUuid(`coupon:${coupon.code}`),
      code: coupon.code,
      discountType: coupon.type,
      discountValue: String(coupon.value),
      currency: coupon.type === 'fixed' ? 'IDR' : null,
      duration: coupon.duration,
      durationInCycles: coupon.cycles ?? null,
      maxUses: coupon.maxUses ?? null,
      currentUses: 0,
      validFrom,
      // The last millisecond of the `until` month: valid through its end.
      validUntil: coupon.until === undefined ? null : addTime(monthStart(now, coupon.until + 1), -1),
      applicablePlans: (coupon.plans ?? []).map((slug) => {
        const id = planIdsBySlug.get(slug);
        if (!id) throw new Error(`Coupon ${coupon.code} names unknown plan ${slug}`);
        return id;
      }),
      isActive: coupon.active ?? true,
      createdAt: created,
      updatedAt: created,
    };
  });
}
