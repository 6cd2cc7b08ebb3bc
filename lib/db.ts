import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { config } from '@/lib/config';

/**
 * One Prisma client per process (kept on globalThis so dev-mode reloads do not open new pools).
 * Created lazily so that importing a module never requires a database.
 */
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.prisma ??= createClient(config().DATABASE_URL, config().DATABASE_POOL_SIZE);
  return globalForDb.prisma;
}

/** How long a query or transaction may wait for a pooled connection before it is a 503. */
const POOL_WAIT_MS = 10_000;

export function createClient(connectionString: string, max = 10): PrismaClient {
  // Requests queue for a pooled connection under contention (many refunds of one invoice, a
  // burst of redemptions); the default 2 s wait turned that queueing into errors. With the pg
  // adapter the wait is pg-pool's connectionTimeoutMillis (Prisma's maxWait never gets to act):
  // it was 5 s, so 200 refunds of one invoice got 503s after 5 s (docs/PERFORMANCE.md).
  // The adapter reads and writes timestamps as UTC wall-clock values, so every session runs in UTC
  // whatever the server's default; otherwise stored instants shift by the zone's offset.
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: POOL_WAIT_MS, options: '-c TimeZone=UTC' });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: POOL_WAIT_MS, timeout: 15_000 } });
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
