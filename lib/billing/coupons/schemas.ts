import { z } from 'zod';
import { ZCurrency, ZTimestamp } from '@/lib/billing/shared/schemas';
import type { FieldError } from '@/lib/errors';
import { COUPON_STATUSES } from './coupon-status';
import { discountIssues, durationIssues, windowIssues } from './coupon-rules';

/** SPEC §5: 3–32 of A–Z, 0–9, `-`, `_`; accepted in any case, stored uppercase (so unique ignoring case). */
export const ZCouponCode = z
  .string({ error: 'Required.' })
  .min(3, { error: 'At least 3 characters.', abort: true })
  .max(32, { error: 'At most 32 characters.', abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, "-" and "_" only (no spaces).')
  .toUpperCase();

export const ZDiscountType = z.enum(['percentage', 'fixed'], { error: 'Either "percentage" or "fixed".' });
export const ZCouponDuration = z.enum(['once', 'repeating', 'forever'], { error: 'One of "once", "repeating", "forever".' });
export const ZCouponStatus = z.enum(COUPON_STATUSES);

/** The range and decimals depend on `discount_type` and `currency`: see discountIssues. */
const ZDiscountValue = z.number({ error: 'Must be a number.' }).finite('Must be a finite number.');
const ZMaxUses = z.number({ error: 'A whole number, or null for unlimited.' }).int('Must be a whole number.').min(1, 'At least 1 (null means unlimited).').max(2_147_483_647);
const ZCycles = z.number({ error: 'Must be a whole number.' }).int('Must be a whole number.').min(1, 'At least 1.').max(1000, 'At most 1000.');
/** Plan ids; null or [] means every plan. Whether they exist is checked against the database. */
const ZApplicablePlans = z.array(z.uuid({ error: 'Not a plan id.' })).max(100, 'At most 100 plans.').nullable();

export const ZCreateCouponInput = z
  .strictObject({
    code: ZCouponCode,
    discount_type: ZDiscountType,
    discount_value: ZDiscountValue,
    // Fixed: defaults to IDR. Percentage: must be absent or null.
    currency: ZCurrency.nullable().optional(),
    duration: ZCouponDuration.default('once'),
    duration_in_cycles: ZCycles.nullable().optional(),
    max_uses: ZMaxUses.nullable().optional(),
    // Defaults to now (createCoupon).
    valid_from: ZTimestamp.optional(),
    valid_until: ZTimestamp.nullable().optional(),
    applicable_plans: ZApplicablePlans.optional(),
  })
  .superRefine((coupon, ctx) => {
    addIssues(ctx, [
      ...discountIssues(coupon.discount_type, coupon.discount_value, coupon.currency),
      ...durationIssues(coupon.duration, coupon.duration_in_cycles),
      // Without valid_from, createCoupon checks valid_until against "now".
      ...(coupon.valid_from && coupon.valid_until ? windowIssues(new Date(coupon.valid_from), new Date(coupon.valid_until)) : []),
    ]);
  });

/**
 * SPEC §5: exactly these fields; the discount ones only while the coupon is unused (updateCoupon,
 * 409 coupon_in_use). Duration is fixed at creation. Rules that need the stored coupon (the merged
 * discount, the window, max_uses ≥ current_uses) are judged by updateCoupon.
 */
export const ZUpdateCouponInput = z
  .strictObject({
    code: ZCouponCode,
    discount_type: ZDiscountType,
    discount_value: ZDiscountValue,
    currency: ZCurrency.nullable(),
    is_active: z.boolean({ error: 'true or false.' }),
    max_uses: ZMaxUses.nullable(),
    valid_from: ZTimestamp,
    valid_until: ZTimestamp.nullable(),
    applicable_plans: ZApplicablePlans,
  })
  .partial()
  .superRefine((coupon, ctx) => {
    const type = coupon.discount_type;
    // A fixed value sent without a currency is judged against the stored currency, by updateCoupon.
    if (type === 'percentage' || (type === 'fixed' && coupon.currency !== undefined)) {
      addIssues(ctx, discountIssues(type, coupon.discount_value, coupon.currency));
    }
    if (coupon.valid_from && coupon.valid_until) addIssues(ctx, windowIssues(new Date(coupon.valid_from), new Date(coupon.valid_until)));
  });

export const ZCoupon = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  discount_type: ZDiscountType,
  discount_value: z.number(),
  currency: ZCurrency.nullable(),
  duration: ZCouponDuration,
  duration_in_cycles: z.number().int().nullable(),
  max_uses: z.number().int().nullable(),
  current_uses: z.number().int().min(0),
  valid_from: z.iso.datetime(),
  valid_until: z.iso.datetime().nullable(),
  applicable_plans: z.array(z.uuid()),
  is_active: z.boolean(),
  created_at: z.iso.datetime(),
  /** Derived when read (SPEC §5): inactive, expired, exhausted, scheduled or active. */
  status: ZCouponStatus,
});

export type TCreateCouponInput = z.output<typeof ZCreateCouponInput>;
export type TUpdateCouponInput = z.output<typeof ZUpdateCouponInput>;
export type TCoupon = z.infer<typeof ZCoupon>;

function addIssues(ctx: z.RefinementCtx, issues: FieldError[]): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
}
