import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { lockSubscription } from './lock-subscription';
import type { TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscription } from './update-subscription';

/** POST /subscriptions/{id}/change/cancel: drops the change scheduled for the period end (409 no_pending_change when there is none). */
export async function cancelPendingChange(rawId: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubscription(tx, rawId);
    if (sub.pendingChange === null) throw conflict('no_pending_change', 'This subscription has no scheduled change.');
    const updated = await updateSubscription(tx, sub, { pendingChange: null, updatedAt: now() }, {}, {
      actor, entry: { action: 'subscription.change_cancelled', requestId, before: subscriptionToDto(sub) }, answer: subscriptionToDto,
    });
    return subscriptionToDto(updated);
  });
}
