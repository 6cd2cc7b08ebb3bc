import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { config } from '@/lib/config';
import { FailFastClient } from './db/fail-fast-client';
import { parsePoolerUrl } from './db/pgbouncer-url';
import { statementName } from './db/statement-names';

/**
 * One Prisma client per process (kept on globalThis so dev-mode reloads do not open new pools).
 * Created lazily so that importing a module never requires a database.
 */
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; bookkeepingPrisma?: PrismaClient; analyticsPrisma?: PrismaClient; replicaPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.prisma ??= createClient(config().DATABASE_URL, config().DATABASE_POOL_SIZE, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  return globalForDb.prisma;
}

/**
 * A small second pool for bookkeeping writes that every request makes and that may lose their last
 * fraction of a second in a crash: the rate-limit counters. Its sessions run with
 * synchronous_commit=off, so such a commit returns without waiting for the WAL to reach the disk
 * (PostgreSQL flushes it within a few hundred milliseconds; a crash of the operating system may
 * forget those counts, never corrupts anything). Billing data never goes through it: every refund,
 * invoice and idempotency record commits durably through db().
 */
export function bookkeepingDb(): PrismaClient {
  globalForDb.bookkeepingPrisma ??= createClient(config().DATABASE_URL, BOOKKEEPING_POOL_SIZE, {
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    settings: { synchronous_commit: 'off' },
  });
  return globalForDb.bookkeepingPrisma;
}

/** One short statement per request: a few connections keep up with the main pool's requests. */
const BOOKKEEPING_POOL_SIZE = 4;

/**
 * The pool analytics statements run on (lib/billing/analytics/query-analytics.ts), read-only,
 * with room to aggregate in memory: the default work_mem (4 MB) makes the hash aggregates over
 * ~100k subscriptions or a month of invoices spill to disk, which costs more than the scans. JIT
 * is off: these statements take milliseconds, and compiling them would take longer than running
 * them. Set once per connection, so a statement goes alone (no BEGIN/SET LOCAL/COMMIT around it:
 * 5 round trips fewer). Only super-admins reach these endpoints, and the pool bounds how many
 * such statements (and their work_mem) run at once: the dashboard asks for five at a time.
 */
export function analyticsDb(): PrismaClient {
  globalForDb.analyticsPrisma ??= createClient(config().DATABASE_URL, ANALYTICS_POOL_SIZE, ANALYTICS_OPTIONS);
  return globalForDb.analyticsPrisma;
}

/**
 * The same pool on the read replica (DATABASE_REPLICA_URL), or null when none is configured.
 * Reports reach it through onReportingDb (lib/db/read-replica.ts), which falls back to
 * analyticsDb() while the replica is unreachable.
 */
export function replicaAnalyticsDb(): PrismaClient | null {
  const url = config().DATABASE_REPLICA_URL;
  if (!url) return null;
  globalForDb.replicaPrisma ??= createClient(url, ANALYTICS_POOL_SIZE, ANALYTICS_OPTIONS);
  return globalForDb.replicaPrisma;
}

const ANALYTICS_POOL_SIZE = 5;

/** How long a query or transaction may wait for a pooled connection before it is a 503. */
const POOL_WAIT_MS = 10_000;

/**
 * The app's ceiling on one statement (lock waits included), far above any of its queries
 * (analytics under a second on the benchmark data, export batches of 1,000 rows) and above the 15 s transaction timeout: a
 * runaway statement cannot hold a pooled connection for ever. Scripts (seed, data generation)
 * use createClient without it.
 */
const STATEMENT_TIMEOUT_MS = 30_000;
/**
 * The client's own ceiling: when a server that was answering goes silent mid-query (frozen,
 * partitioned), no statement_timeout will ever come back, and the request would hang on the
 * socket; a little above the statement timeout, so a live server's own cancel comes first.
 */
const QUERY_TIMEOUT_MARGIN_MS = 5_000;

const ANALYTICS_OPTIONS: TClientOptions = {
  statementTimeoutMs: STATEMENT_TIMEOUT_MS,
  settings: { work_mem: '64MB', jit: 'off', default_transaction_read_only: 'on' },
};

export interface TClientOptions {
  statementTimeoutMs?: number;
  /** Session settings (`-c name=value` at connect) besides TimeZone and statement_timeout. */
  settings?: Record<string, string>;
}

export function createClient(connectionString: string, max = 10, options: TClientOptions = {}): PrismaClient {
  // Requests queue for a pooled connection under contention (many refunds of one invoice, a
  // burst of redemptions); the default 2 s wait turned that queueing into errors. With the pg
  // adapter the wait is pg-pool's connectionTimeoutMillis (Prisma's maxWait never gets to act):
  // it was 5 s, so 200 refunds of one invoice got 503s after 5 s (docs/PERFORMANCE.md).
  // The adapter reads and writes timestamps as UTC wall-clock values, so every session runs in UTC
  // whatever the server's default; otherwise stored instants shift by the zone's offset.
  // FailFastClient bounds opening a connection (3 s) apart from the pool wait, and fails at once
  // while a server has just been unreachable: an outage is a quick 503 (lib/db/fail-fast-client.ts).
  // Behind PgBouncer in transaction pooling (`?pgbouncer=true`), a server connection serves every
  // client in turn, so nothing may be set per session: PgBouncer 1.18 refuses the `options`
  // startup parameter, and a SET would leak to whichever client comes next. There the pooler sets
  // TimeZone and statement_timeout on each server connection (connect_query, docs/DEPLOY.md), and
  // the pools' own extras (the analytics settings, the bookkeeping's synchronous_commit=off) are
  // set per transaction by withPoolSettings. Directly, each connection prepares a statement once by
  // name and then only binds and executes it (lib/db/statement-names.ts); behind PgBouncer,
  // statements stay unnamed, which transaction pooling allows.
  const { statementTimeoutMs, settings = {} } = options;
  const target = parsePoolerUrl(connectionString);
  const session = { TimeZone: 'UTC', ...(statementTimeoutMs ? { statement_timeout: String(statementTimeoutMs) } : {}), ...settings };
  const adapter = new PrismaPg({
    connectionString: target.connectionString,
    max,
    connectionTimeoutMillis: POOL_WAIT_MS,
    Client: FailFastClient,
    ...(target.pgbouncer ? {} : { options: Object.entries(session).map(([name, value]) => `-c ${name}=${value}`).join(' ') }),
    ...(statementTimeoutMs ? { query_timeout: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS } : {}),
  }, target.pgbouncer ? {} : { statementNameGenerator: statementName });
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: POOL_WAIT_MS, timeout: 15_000 } });
  if (target.pgbouncer && Object.keys(settings).length) perTransactionSettings.set(client, settings);
  return client;
}

/** The pool settings a client behind PgBouncer must apply per transaction (withPoolSettings). */
const perTransactionSettings = new WeakMap<PrismaClient, Record<string, string>>();

/**
 * Runs one statement of a pool with settings of its own (the analytics and bookkeeping pools) so
 * that it gets them wherever it connects: directly, they are the session's already (one round
 * trip); behind PgBouncer, they are set for the statement's own transaction only (set_config(…,
 * true), the SET LOCAL of a function), which no other client's transaction can see. The
 * session-wide default_transaction_read_only becomes transaction_read_only there.
 */
export async function withPoolSettings<T>(client: PrismaClient, statement: (client: PrismaClient) => Prisma.PrismaPromise<T>): Promise<T> {
  const settings = perTransactionSettings.get(client);
  if (!settings) return statement(client);
  const assignments = Object.entries(settings).map(([name, value]) =>
    Prisma.sql`set_config(${name === 'default_transaction_read_only' ? 'transaction_read_only' : name}, ${value}, true)`,
  );
  const [, result] = await client.$transaction([client.$queryRaw`SELECT ${Prisma.join(assignments)}`, statement(client)]);
  return result;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
