import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { lockSubscription } from './lock-subscription';
import type { TSubscription } from './schemas';
import { SUBSCRIPTION_INCLUDE, subscriptionToDto } from './subscription-dto';

/** POST /subscriptions/{id}/change/cancel: drops the change scheduled for the period end (409 no_pending_change when there is none). */
export async function cancelPendingChange(rawId: string, actor: TActor, requestId?: string): Promise<TSubscription> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubscription(tx, rawId);
    if (sub.pendingChange === null) throw conflict('no_pending_change', 'This subscription has no scheduled change.');
    const updated = await tx.subscription.update({ where: { id: sub.id }, data: { pendingChange: Prisma.DbNull, updatedAt: now() }, include: SUBSCRIPTION_INCLUDE });
    const after = subscriptionToDto(updated);
    await recordAudit(tx, actor, { action: 'subscription.change_cancelled', entityType: 'subscription', entityId: sub.id, requestId, before: subscriptionToDto(sub), after });
    return after;
  });
}
