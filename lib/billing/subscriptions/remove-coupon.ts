import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { conflict } from '@/lib/errors';
import { actOnSubscription, MOVED } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscriptionAt } from './update-subscription';

/**
 * POST /subscriptions/{id}/coupon/remove: the next invoices are not discounted. The use stays
 * counted and the organization cannot redeem the coupon again (SPEC §10: once, ever).
 */
export async function removeCoupon(rawId: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return actOnSubscription(rawId, {}, async ({ sub }, version) => {
    if (!sub.couponId) throw conflict('no_coupon', 'This subscription has no coupon.');
    const updated = await updateSubscriptionAt({ version }, sub, { couponId: null, couponCyclesUsed: 0, updatedAt: now() }, { coupon: null }, {
      actor, entry: { action: 'subscription.coupon_removed', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto,
    });
    return updated ? subscriptionToDto(updated) : MOVED;
  });
}
