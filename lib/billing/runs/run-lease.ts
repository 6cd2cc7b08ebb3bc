import { now } from '@/lib/clock';
import type { Db } from '@/lib/db';
import type { BillingRun } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/log';

/**
 * A running billing run holds a lease it renews: its process writes `heartbeat_at` with every
 * batch's counts and every HEARTBEAT_EVERY_MS besides (a slow batch does not look dead). A process
 * that was killed or crashed stops renewing; once its heartbeat is older than RUN_LEASE_MS the run
 * is `abandoned`: GET /billing-runs shows it so at once, and the next run records it so
 * (abandonStaleRuns). Its work needs no hand-over: what it committed stays committed, its
 * uncommitted batch was rolled back with its connection, and the next run bills what is still due.
 */
export const HEARTBEAT_EVERY_MS = 10_000;
export const RUN_LEASE_MS = 60_000;

/** The status to show: a `running` run whose lease has lapsed is `abandoned`, whether or not a later run recorded it yet. */
export function effectiveRunStatus(run: Pick<BillingRun, 'status' | 'heartbeatAt'>, at: Date = now()): BillingRun['status'] {
  return run.status === 'running' && at.getTime() - run.heartbeatAt.getTime() > RUN_LEASE_MS ? 'abandoned' : run.status;
}

/**
 * Records every run whose lease has lapsed as `abandoned`, finished at its last heartbeat (the
 * last moment it was known alive). Called by each new run before it starts billing. Returns the ids.
 */
export async function abandonStaleRuns(client: Db, at: Date = now()): Promise<string[]> {
  const staleBefore = new Date(at.getTime() - RUN_LEASE_MS);
  const rows = await client.$queryRaw<{ id: string }[]>`
    UPDATE billing_runs SET status = 'abandoned', finished_at = heartbeat_at
     WHERE status = 'running' AND heartbeat_at < ${staleBefore}
    RETURNING id`;
  for (const { id } of rows) logger().warn({ billingRunId: id }, 'billing run abandoned: its process stopped without finishing (no heartbeat within the lease); this run bills what it left');
  return rows.map((row) => row.id);
}

/**
 * Renews the run's lease every HEARTBEAT_EVERY_MS until stopped (the batches renew it too). A
 * failed renewal is logged, not thrown: the run's own statements will fail too if the database is gone.
 */
export function startHeartbeat(client: Db, runId: string): () => void {
  const timer = setInterval(() => {
    client.$executeRaw`UPDATE billing_runs SET heartbeat_at = ${now()} WHERE id = ${runId}::uuid AND status = 'running'`
      .catch((error: unknown) => logger().warn({ billingRunId: runId, err: error }, 'billing run heartbeat failed'));
  }, HEARTBEAT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
