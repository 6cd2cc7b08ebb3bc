import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TSubscriptionListQuery, TSubscriptionPage } from './schemas';
import { SUBSCRIPTION_INCLUDE, subscriptionToDto } from './subscription-dto';

/** GET /subscriptions: newest first, keyset on (created_at, id) (SPEC §3.2a), filtered by organization, plan, status. */
export async function listSubscriptions(query: TSubscriptionListQuery): Promise<TSubscriptionPage> {
  const filters: Prisma.SubscriptionWhereInput[] = [];
  if (query.organization_id) filters.push({ organizationId: query.organization_id.toLowerCase() });
  if (query.plan_id) filters.push({ planId: query.plan_id.toLowerCase() });
  if (query.status) filters.push({ status: query.status });
  if (query.starting_after) {
    const cursor = await db().subscription.findUnique({ where: { id: query.starting_after.toLowerCase() }, select: { id: true, createdAt: true } });
    if (!cursor) throw badRequest('invalid_cursor', 'starting_after names no subscription; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown subscription id.' }]);
    filters.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  }
  const rows = await db().subscription.findMany({ where: { AND: filters }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1, include: SUBSCRIPTION_INCLUDE });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page.map(subscriptionToDto), has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
