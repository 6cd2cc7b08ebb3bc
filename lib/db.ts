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

export function createClient(connectionString: string, max = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000 });
  // Requests queue for a pooled connection under contention (many refunds of one invoice, a
  // burst of redemptions); the default 2 s wait turned that queueing into errors.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
