import { coversNextInvoice } from '@/lib/billing/subscriptions/cycles-left';
import { couponFits } from '@/lib/billing/subscriptions/price-items';
import type { Tx } from '@/lib/db';
import type { Coupon, Subscription } from '@/lib/generated/prisma/client';
import { toDecimal, type DecimalLike } from '@/lib/money';

/**
 * The subscription's coupon on one of its invoices (SPEC §10), in two halves around the invoice's
 * insert, both inside the issuing transaction (issueInvoice and the billing run, lib/billing/runs/,
 * go through these two only, so a change to what a coupon does on an invoice is made here once).
 * The coupon's use was counted once, when it was applied to the subscription
 * (lib/billing/subscriptions/): an invoice takes no use of max_uses and writes no redemption; each
 * discounted invoice spends one of the subscription's coupon cycles.
 */
export interface TInvoiceCoupon {
  coupon: Coupon;
}

/** The coupon discounting this cycle, or null (no coupon, cycles spent, or it does not fit the plan or currency). */
export async function takeInvoiceCoupon(tx: Tx, subscription: Subscription): Promise<TInvoiceCoupon | null> {
  if (!subscription.couponId) return null;
  const coupon = await tx.coupon.findUniqueOrThrow({ where: { id: subscription.couponId } });
  if (!coversNextInvoice(coupon, subscription.couponCyclesUsed)) return null;
  return couponFits(coupon, subscription.planId, subscription.currency) ? { coupon } : null;
}

/** After the insert: a discounted invoice spends one of the subscription's coupon cycles. */
export async function recordInvoiceCoupon(tx: Tx, subscriptionId: string, discount: DecimalLike): Promise<void> {
  if (!toDecimal(discount).gt(0)) return;
  await tx.subscription.update({ where: { id: subscriptionId }, data: { couponCyclesUsed: { increment: 1 } } });
}
