import type { Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { SUBSCRIPTION_INCLUDE, type TSubscriptionRow } from './subscription-dto';

/**
 * Locks one subscription row for the rest of the caller's transaction (SELECT … FOR UPDATE) and
 * reads it: every action on a subscription runs behind this lock, so two operators acting at once
 * are serialised, and the second sees what the first wrote (then preview_id answers 409).
 */
export async function lockSubscription(tx: Tx, rawId: string): Promise<TSubscriptionRow> {
  const id = parseId(rawId, 'subscription');
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM subscriptions WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound('subscription');
  return tx.subscription.findUniqueOrThrow({ where: { id }, include: SUBSCRIPTION_INCLUDE });
}
