import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import type { TSubscription } from './schemas';
import { SUBSCRIPTION_INCLUDE, subscriptionToDto } from './subscription-dto';

export async function getSubscriptionOrThrow(rawId: string): Promise<TSubscription> {
  const row = await db().subscription.findUnique({ where: { id: parseId(rawId, 'subscription') }, include: SUBSCRIPTION_INCLUDE });
  if (!row) throw notFound('subscription');
  return subscriptionToDto(row);
}
