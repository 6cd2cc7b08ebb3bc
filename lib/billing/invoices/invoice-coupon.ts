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

/**
 * The coupon discounting this cycle, or null (no coupon, cycles spent, or it does not fit the plan
 * or currency). `coupon` is the subscription's coupon row (coupon_id), read by the caller — one
 * statement for a whole batch in the billing run.
 */
export function takeInvoiceCoupon(subscription: Subscription, coupon: Coupon | null): TInvoiceCoupon | null {
  if (!subscription.couponId || !coupon || coupon.id !== subscription.couponId) return null;
  if (!coversNextInvoice(coupon, subscription.couponCyclesUsed)) return null;
  return couponFits(coupon, subscription.planId, subscription.currency) ? { coupon } : null;
}

/** The coupon cycles an invoice with this discount spends: one when it discounted anything. */
export function cyclesSpentBy(discount: DecimalLike): number {
  return toDecimal(discount).gt(0) ? 1 : 0;
}

/**
 * After the insert: each discounted invoice spends one of its subscription's coupon cycles (one
 * statement for all). A sign-up writes its new subscription with its first invoice's cycle
 * already spent (cyclesSpentBy).
 */
export async function recordInvoiceCoupons(tx: Tx, invoices: readonly { subscriptionId: string; discount: DecimalLike }[]): Promise<void> {
  const ids = invoices.filter((invoice) => cyclesSpentBy(invoice.discount) > 0).map((invoice) => invoice.subscriptionId);
  if (ids.length === 0) return;
  // One subscription may have two discounted invoices only in theory (one renewal per batch): count each.
  await tx.$executeRaw`
    UPDATE subscriptions s SET coupon_cycles_used = s.coupon_cycles_used + v.n
      FROM (SELECT id, count(*)::int AS n FROM unnest(${ids}::uuid[]) AS u(id) GROUP BY id) AS v
     WHERE s.id = v.id`;
}
