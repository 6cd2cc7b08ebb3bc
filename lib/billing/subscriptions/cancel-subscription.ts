import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { conflict } from '@/lib/errors';
import { actOnSubscription, MOVED } from './lock-subscription';
import type { TCancelSubscriptionInput, TSubscription } from './schemas';
import { subscriptionToDto } from './subscription-dto';
import { updateSubscriptionAt, type TSubscriptionPatch } from './update-subscription';

/**
 * POST /subscriptions/{id}/cancel {at, reason} (SPEC §10). `period_end` (default) sets
 * cancel_at_period_end — reversible with reactivate until then; the billing run ends it at the
 * boundary (stateAtPeriodEnd). `now` ends it at once and drops any pending change; it refunds
 * nothing by itself (the console offers the refund of the unused part right after).
 */
export async function cancelSubscription(rawId: string, input: TCancelSubscriptionInput, actor: TActor, requestId?: string): Promise<TSubscription> {
  return actOnSubscription(rawId, {}, async ({ sub }, version) => {
    if (sub.status === 'cancelled') throw conflict('subscription_cancelled', 'This subscription is already cancelled.');
    const at = now();
    if (input.at === 'period_end' && sub.cancelAtPeriodEnd) throw conflict('already_cancelling', 'This subscription already ends at its period end.');
    const patch: TSubscriptionPatch = input.at === 'now'
      ? { status: 'cancelled', cancelledAt: at, cancelAtPeriodEnd: false, pendingChange: null, cancelReason: input.reason, updatedAt: at }
      : { cancelAtPeriodEnd: true, cancelReason: input.reason, updatedAt: at };
    const updated = await updateSubscriptionAt({ version }, sub, patch, {}, {
      actor, entry: { action: input.at === 'now' ? 'subscription.cancelled' : 'subscription.cancel_scheduled', requestId, before: subscriptionToDto(sub) },
      auditAfter: { reason: input.reason }, answer: subscriptionToDto,
    });
    return updated ? subscriptionToDto(updated) : MOVED;
  });
}
