import type { TActor } from '@/lib/auth/actor';
import { alreadyRedeemed, countCouponUseSql, notApplicable, redemptionInsertSql } from '@/lib/billing/coupons/redeem-coupon';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { cyclesLeft } from './cycles-left';
import { actOnSubscription, MOVED } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscriptionAt } from './update-subscription';

/**
 * POST /subscriptions/{id}/coupon {code} (SPEC §10): one coupon per subscription (409
 * coupon_already_applied; a spent one, with no cycles left, is replaced), redeemed once per
 * organization ever (409 coupon_already_redeemed), and judged now — active, in its window, under
 * max_uses, for this plan and currency (409 coupon_not_applicable with the reason). The invoices
 * it then discounts use nothing.
 *
 * The subscription and the coupon are read in one statement (actOnSubscription), and everything
 * is written by one more, in this order, each step only with the one before:
 * - the subscription's row is locked, if it is still the version read (`locked`);
 * - the use is counted (countCouponUseSql): one conditional UPDATE whose WHERE carries every
 *   precondition, `current_uses < max_uses` included, re-checked by PostgreSQL against the latest
 *   committed row after waiting for a concurrent redeemer — N parallel applications of a coupon
 *   with k uses left succeed exactly k times;
 * - the redemption (the unique (coupon, organization) index fails the whole statement for an
 *   organization that redeemed it before: 409 coupon_already_redeemed, nothing written);
 * - the coupon attached, its audit entry and the request's answer.
 * The coupon's row lock is held for that statement only. When nothing was written, the coupon is
 * judged again to say why; one that applies after all means the subscription moved: decided again.
 */
export async function applyCoupon(rawId: string, code: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return actOnSubscription(rawId, { couponCode: code }, async ({ sub, coupon }, version) => {
    if (sub.status === 'cancelled') throw conflict('subscription_cancelled', 'This subscription is cancelled.');
    if (sub.coupon && cyclesLeft(sub.coupon, sub.couponCyclesUsed) !== 0) {
      throw conflict('coupon_already_applied', `Coupon ${sub.coupon.code} is already applied; remove it first.`, { coupon_id: sub.coupon.id });
    }
    if (!coupon) throw unknownCoupon(code);
    const at = now();
    const use = { couponId: coupon.id, planId: sub.planId, currency: sub.currency, at, organizationId: sub.organizationId, subscriptionId: sub.id };
    const first = Prisma.sql`
      locked AS (SELECT id FROM subscriptions WHERE id = ${sub.id}::uuid AND xmin = ${version}::xid FOR UPDATE),
      counted AS (${countCouponUseSql(use, Prisma.sql`EXISTS (SELECT 1 FROM locked)`)}),
      redeemed AS (${redemptionInsertSql(use, Prisma.sql`counted`)})`;
    const updated = await updateSubscriptionAt(
      { version, first: { ctes: first, onlyIf: Prisma.sql`EXISTS (SELECT 1 FROM redeemed)` } },
      sub,
      { couponId: coupon.id, couponCyclesUsed: 0, updatedAt: at },
      { coupon },
      { actor, entry: { action: 'subscription.coupon_applied', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto },
    ).catch((error: unknown) => {
      if (isUniqueViolation(error, 'organization')) throw alreadyRedeemed(coupon.code, coupon.id);
      throw error;
    });
    if (updated) return subscriptionToDto(updated);
    const refused = await notApplicable(db(), use);
    if (refused.options.extra?.reason === 'changed_concurrently') return MOVED;
    throw refused;
  });
}

/** 409 coupon_not_applicable: no coupon has this code. */
export function unknownCoupon(code: string) {
  return conflict('coupon_not_applicable', `No coupon has the code ${code.toUpperCase()}.`, { reason: 'unknown_code' });
}
