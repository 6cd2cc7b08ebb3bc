import { withPoolSettings } from '@/lib/db';
import { onReportingDb } from '@/lib/db/read-replica';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Runs one analytics statement on the analytics pool, whose sessions already have the work_mem
 * and JIT setting these aggregates want and are read-only (lib/db.ts analyticsDb): the statement
 * goes alone, one round trip. With DATABASE_REPLICA_URL it reads the replica, as stale as its
 * replication lag (lib/db/read-replica.ts; docs/DEPLOY.md).
 */
export async function queryAnalytics<T>(sql: Prisma.Sql): Promise<T[]> {
  return onReportingDb((client) => withPoolSettings(client, (pool) => pool.$queryRaw<T[]>(sql)));
}
