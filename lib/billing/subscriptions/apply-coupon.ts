import type { TActor } from '@/lib/auth/actor';
import { claimRedemption, countCouponUse } from '@/lib/billing/coupons/redeem-coupon';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { cyclesLeft } from './cycles-left';
import { lockSubscriptionWith } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscription } from './update-subscription';

/**
 * POST /subscriptions/{id}/coupon {code} (SPEC §10): one coupon per subscription (409
 * coupon_already_applied; a spent one, with no cycles left, is replaced), redeemed once per
 * organization ever (409 coupon_already_redeemed), and judged now — active, in its window, under
 * max_uses, for this plan and currency (409 coupon_not_applicable with the reason). The use is
 * counted here, race-free (countCouponUse), as the transaction's last write: the coupon's row lock
 * that serialises its concurrent applications is held for that statement and the commit only.
 * The invoices it then discounts use nothing.
 */
export async function applyCoupon(rawId: string, code: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return db().$transaction(async (tx) => {
    // The coupon is read with the subscription (one statement); its use is judged when counted.
    const { sub, coupon } = await lockSubscriptionWith(tx, rawId, { couponCode: code });
    if (sub.status === 'cancelled') throw conflict('subscription_cancelled', 'This subscription is cancelled.');
    if (sub.coupon && cyclesLeft(sub.coupon, sub.couponCyclesUsed) !== 0) {
      throw conflict('coupon_already_applied', `Coupon ${sub.coupon.code} is already applied; remove it first.`, { coupon_id: sub.coupon.id });
    }
    if (!coupon) throw unknownCoupon(code);
    const at = now();
    const use = { couponId: coupon.id, planId: sub.planId, currency: sub.currency, at, organizationId: sub.organizationId, subscriptionId: sub.id };
    await claimRedemption(tx, use, coupon);
    // The coupon attached, its audit entry and the request's answer: one statement.
    const updated = await updateSubscription(tx, sub, { couponId: coupon.id, couponCyclesUsed: 0, updatedAt: at }, { coupon }, {
      actor, entry: { action: 'subscription.coupon_applied', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto,
    });
    await countCouponUse(tx, use);
    return subscriptionToDto(updated);
  });
}

/** 409 coupon_not_applicable: no coupon has this code. */
export function unknownCoupon(code: string) {
  return conflict('coupon_not_applicable', `No coupon has the code ${code.toUpperCase()}.`, { reason: 'unknown_code' });
}
