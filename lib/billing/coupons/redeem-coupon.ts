import { couponApplies } from '@/lib/billing/invoices/coupon-applies';
import type { Tx } from '@/lib/db';
import { BillingError, notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { toDecimal, type DecimalLike } from '@/lib/money';

export interface TRedeemCouponInput {
  couponId: string;
  planId: string;
  /** The invoice's currency: a fixed coupon applies only in its own. */
  currency: string;
  /** The moment judged against the validity window (the invoice's issue time). */
  at: Date;
  organizationId?: string;
  subscriptionId?: string;
  invoiceId?: string;
  /** The discount the invoice actually got, in `currency` (recorded for analytics). */
  amount: DecimalLike;
}

export interface TCouponRedemptionResult {
  redemptionId: string;
  currentUses: number;
}

/**
 * Uses a coupon once, inside the caller's transaction (the invoice that carries the discount).
 *
 * Race-free by construction: one conditional UPDATE whose WHERE carries every precondition of
 * couponApplies, including `current_uses < max_uses`. PostgreSQL takes the row lock and, under
 * READ COMMITTED, re-checks the WHERE against the latest committed row after waiting for a
 * concurrent redeemer, so N parallel redemptions of a coupon with k uses left succeed exactly k
 * times. The CHECK constraint current_uses <= max_uses is a backstop, not the mechanism.
 * When nothing was updated, the coupon is re-read only to say why (409 coupon_not_applicable).
 */
export async function redeemCoupon(tx: Tx, input: TRedeemCouponInput): Promise<TCouponRedemptionResult> {
  const couponId = parseId(input.couponId, 'coupon');
  const planId = input.planId.toLowerCase();
  const updated = await tx.$queryRaw<{ current_uses: number }[]>`
    UPDATE coupons
       SET current_uses = current_uses + 1, updated_at = now()
     WHERE id = ${couponId}::uuid
       AND is_active
       AND valid_from <= ${input.at}::timestamptz
       AND (valid_until IS NULL OR valid_until >= ${input.at}::timestamptz)
       AND (max_uses IS NULL OR current_uses < max_uses)
       AND (cardinality(applicable_plans) = 0 OR ${planId}::uuid = ANY (applicable_plans))
       AND (discount_type = 'percentage' OR currency = ${input.currency})
    RETURNING current_uses`;
  if (updated.length === 0) throw await notApplicable(tx, couponId, input);

  const redemption = await tx.couponRedemption.create({
    data: {
      couponId,
      organizationId: input.organizationId ?? null,
      subscriptionId: input.subscriptionId ?? null,
      invoiceId: input.invoiceId ?? null,
      amount: toDecimal(input.amount).toString(),
      currency: input.currency,
      redeemedAt: input.at,
    },
    select: { id: true },
  });
  return { redemptionId: redemption.id, currentUses: updated[0]!.current_uses };
}

async function notApplicable(tx: Tx, couponId: string, input: TRedeemCouponInput): Promise<BillingError> {
  const coupon = await tx.coupon.findUnique({ where: { id: couponId } });
  if (!coupon) return notFound('coupon');
  const verdict = couponApplies(coupon, { planId: input.planId.toLowerCase(), currency: input.currency, at: input.at });
  // `ok` here means the coupon changed between the UPDATE and this read (another transaction);
  // the redemption still did not happen, so it is reported as not applicable either way.
  const reason = verdict.ok ? 'changed_concurrently' : verdict.reason;
  return new BillingError(409, 'coupon_not_applicable', `Coupon ${coupon.code} does not apply: ${REASONS[reason]}`, {
    extra: { reason, coupon_id: coupon.id },
  });
}

const REASONS = {
  inactive: 'it is deactivated.',
  expired: 'its validity has ended.',
  exhausted: 'it has reached its maximum number of uses.',
  not_yet_valid: 'its validity has not started yet.',
  plan_not_eligible: 'it does not apply to this plan.',
  currency_mismatch: 'it is a fixed discount in another currency.',
  changed_concurrently: 'it changed while being redeemed; try again.',
} as const;
