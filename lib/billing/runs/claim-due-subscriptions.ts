import type { Tx } from '@/lib/db';
import type { Subscription } from '@/lib/generated/prisma/client';

export const FIRST_CURSOR = '00000000-0000-0000-0000-000000000000';

/**
 * The next `limit` subscriptions after `cursor` (by id: a keyset, so a run's memory is one batch
 * however many subscriptions there are) that may have a billing step due at `at`, locked for the
 * caller's transaction. FOR UPDATE SKIP LOCKED: a subscription another run (another process or
 * instance) is billing right now is passed over instead of waited for, so overlapping runs split
 * the work; the other run's step is committed or rolled back before this run's next pass sees it.
 * The test is a superset of nextBillingStep's (an annual month is at least 28 days): a candidate
 * with nothing due is locked for nothing and left as it is.
 */
export async function claimDueSubscriptions(tx: Tx, options: { at: Date; cursor: string; limit: number; exclude: readonly string[] }): Promise<Subscription[]> {
  const { at, cursor, limit, exclude } = options;
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM subscriptions
     WHERE id > ${cursor}::uuid
       AND status <> 'cancelled'
       AND (current_period_end <= ${at}
            OR (billing_cycle = 'annual' AND COALESCE(usage_billed_until, current_period_start) + interval '28 days' <= ${at}))
       AND NOT (id = ANY(${exclude}::uuid[]))
     ORDER BY id
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
  if (claimed.length === 0) return [];
  return tx.subscription.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, orderBy: { id: 'asc' } });
}
