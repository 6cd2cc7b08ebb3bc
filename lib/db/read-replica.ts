import { analyticsDb, replicaAnalyticsDb, type Db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/http/error-response';
import { logger } from '@/lib/log';

/** After the replica failed, reports use the primary for this long before trying it again. */
export const REPLICA_RETRY_MS = 30_000;

const state = { downUntil: 0, down: false };

/**
 * Runs a read-only report on the replica (DATABASE_REPLICA_URL) when one is configured and
 * reachable, else on the primary's read-only analytics pool. A replica that cannot be reached is
 * skipped for REPLICA_RETRY_MS, so requests in that time neither wait for it nor fail; the switch
 * is logged once each way (down, back), never per request. Only unavailability falls back: a
 * query error on the replica is the query's, and the primary would give the same.
 */
export async function onReportingDb<T>(work: (client: Db) => Promise<T>): Promise<T> {
  const replica = replicaAnalyticsDb();
  if (!replica || Date.now() < state.downUntil) return work(analyticsDb());
  try {
    const result = await work(replica);
    if (state.down) {
      state.down = false;
      logger().info({ event: 'replica_reachable' }, 'read replica reachable again: reports read from it');
    }
    return result;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    state.downUntil = Date.now() + REPLICA_RETRY_MS;
    if (!state.down) {
      state.down = true;
      logger().warn({ event: 'replica_unreachable', err: error, retry_after_ms: REPLICA_RETRY_MS }, 'read replica unreachable: reports read from the primary');
    }
    return work(analyticsDb());
  }
}

/** Test hook: forget a recorded outage, so the next report tries the replica at once. */
export function resetReplicaState(): void {
  state.downUntil = 0;
  state.down = false;
}
