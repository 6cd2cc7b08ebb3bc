import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { conflict } from '@/lib/errors';
import { actOnSubscription, MOVED } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscriptionAt } from './update-subscription';

/**
 * POST /subscriptions/{id}/reactivate: undoes a cancellation at period end while the period runs
 * (409 not_cancelling otherwise). A cancelled subscription is not reactivated: create a new one.
 */
export async function reactivateSubscription(rawId: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return actOnSubscription(rawId, {}, async ({ sub }, version) => {
    if (sub.status === 'cancelled') throw conflict('subscription_cancelled', 'This subscription has ended; create a new one instead.');
    if (!sub.cancelAtPeriodEnd) throw conflict('not_cancelling', 'This subscription is not scheduled to end.');
    const updated = await updateSubscriptionAt({ version }, sub, { cancelAtPeriodEnd: false, cancelReason: null, updatedAt: now() }, {}, {
      actor, entry: { action: 'subscription.reactivated', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto,
    });
    return updated ? subscriptionToDto(updated) : MOVED;
  });
}
