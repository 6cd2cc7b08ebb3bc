import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Runs one analytics statement with room to aggregate in memory. The default work_mem (4 MB)
 * makes the hash aggregates over ~100k subscriptions or a month of invoices spill to disk, which
 * costs more than the scans themselves; SET LOCAL raises it for this transaction only, and only
 * super-admins reach these endpoints, so few such queries ever run at once. JIT is off: these
 * statements take milliseconds, and compiling them would take longer than running them.
 */
export async function queryAnalytics<T>(sql: Prisma.Sql): Promise<T[]> {
  const [, , rows] = await db().$transaction([
    db().$executeRaw`SET LOCAL work_mem = '64MB'`,
    db().$executeRaw`SET LOCAL jit = off`,
    db().$queryRaw<T[]>(sql),
  ]);
  return rows;
}
