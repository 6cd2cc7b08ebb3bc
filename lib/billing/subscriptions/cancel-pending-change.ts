import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { conflict } from '@/lib/errors';
import { actOnSubscription, MOVED } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscriptionAt } from './update-subscription';

/** POST /subscriptions/{id}/change/cancel: drops the change scheduled for the period end (409 no_pending_change when there is none). */
export async function cancelPendingChange(rawId: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return actOnSubscription(rawId, {}, async ({ sub }, version) => {
    if (sub.pendingChange === null) throw conflict('no_pending_change', 'This subscription has no scheduled change.');
    const updated = await updateSubscriptionAt({ version }, sub, { pendingChange: null, updatedAt: now() }, {}, {
      actor, entry: { action: 'subscription.change_cancelled', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto,
    });
    return updated ? subscriptionToDto(updated) : MOVED;
  });
}
