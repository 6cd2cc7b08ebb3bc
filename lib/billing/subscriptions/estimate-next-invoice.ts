import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { Decimal } from '@/lib/money';
import { currentItems } from './compute-change';
import { coversNextInvoice } from './cycles-left';
import { couponFits, periodInvoice } from './price-items';
import { SUBSCRIPTION_INCLUDE } from './subscription-dto';

/**
 * The next period's invoice as the terms stand now (usage aside), with the coupon while it has
 * cycles left, and PPN: the customer page's estimate. Null for a subscription that will not renew.
 */
export async function estimateNextInvoice(subscriptionId: string): Promise<{ total: Decimal; currency: string } | null> {
  const sub = await db().subscription.findUnique({ where: { id: subscriptionId }, include: SUBSCRIPTION_INCLUDE });
  if (!sub || sub.status === 'cancelled' || sub.cancelAtPeriodEnd) return null;
  const coupon = sub.coupon && coversNextInvoice(sub.coupon, sub.couponCyclesUsed) && couponFits(sub.coupon, sub.planId, sub.currency) ? sub.coupon : null;
  return { total: periodInvoice(currentItems(sub), sub.currency, coupon, config().TAX_RATE).total, currency: sub.currency };
}
