import { analyticsDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Runs one analytics statement on the analytics pool, whose sessions already have the work_mem
 * and JIT setting these aggregates want and are read-only (lib/db.ts analyticsDb): the statement
 * goes alone, one round trip.
 */
export async function queryAnalytics<T>(sql: Prisma.Sql): Promise<T[]> {
  return analyticsDb().$queryRaw<T[]>(sql);
}
