import { redeemCoupon } from '@/lib/billing/coupons/redeem-coupon';
import type { Tx } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import type { Coupon, Subscription } from '@/lib/generated/prisma/client';
import type { DecimalLike } from '@/lib/money';

/**
 * The subscription's coupon on one of its invoices, in two halves around the invoice's insert, both
 * inside the issuing transaction (issueInvoice and the billing run, lib/billing/runs/, go through
 * these two only, so a change to what a coupon does on an invoice is made here once).
 */
export interface TInvoiceCoupon {
  coupon: Coupon;
  redemptionId: string;
}

/** The coupon covering this cycle with one use taken, or null (no coupon, cycles spent, or it does not apply). */
export async function takeInvoiceCoupon(tx: Tx, subscription: Subscription, at: Date): Promise<TInvoiceCoupon | null> {
  if (!subscription.couponId) return null;
  const coupon = await tx.coupon.findUniqueOrThrow({ where: { id: subscription.couponId } });
  const coversCycle =
    coupon.duration === 'forever' ||
    (coupon.duration === 'once' && subscription.couponCyclesUsed === 0) ||
    (coupon.duration === 'repeating' && subscription.couponCyclesUsed < (coupon.durationInCycles ?? 0));
  if (!coversCycle) return null;
  try {
    // The amount is filled in once the invoice is computed; the use is what must be won first.
    const { redemptionId } = await redeemCoupon(tx, {
      couponId: coupon.id, planId: subscription.planId, currency: subscription.currency, at,
      organizationId: subscription.organizationId, subscriptionId: subscription.id, amount: 0,
    });
    return { coupon, redemptionId };
  } catch (error) {
    if (error instanceof BillingError && error.code === 'coupon_not_applicable') return null;
    throw error;
  }
}

/** After the insert: the redemption points at the invoice with the discount it got, and the cycle is counted. */
export async function recordInvoiceCoupon(tx: Tx, taken: TInvoiceCoupon, subscriptionId: string, invoiceId: string, discount: DecimalLike): Promise<void> {
  await tx.couponRedemption.update({ where: { id: taken.redemptionId }, data: { invoiceId, amount: discount.toString() } });
  await tx.subscription.update({ where: { id: subscriptionId }, data: { couponCyclesUsed: { increment: 1 } } });
}
