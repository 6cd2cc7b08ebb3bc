import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { lockSubscription } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscription } from './update-subscription';

/**
 * POST /subscriptions/{id}/coupon/remove: the next invoices are not discounted. The use stays
 * counted and the organization cannot redeem the coupon again (SPEC §10: once, ever).
 */
export async function removeCoupon(rawId: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubscription(tx, rawId);
    if (!sub.couponId) throw conflict('no_coupon', 'This subscription has no coupon.');
    const updated = await updateSubscription(tx, sub, { couponId: null, couponCyclesUsed: 0, updatedAt: now() }, { coupon: null }, {
      actor, entry: { action: 'subscription.coupon_removed', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto,
    });
    return subscriptionToDto(updated);
  });
}
