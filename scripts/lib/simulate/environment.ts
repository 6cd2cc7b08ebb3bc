import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApiKey } from '../../../lib/auth/api-keys/create-api-key';
import { createClient, type Db } from '../../../lib/db';
import { startEmbeddedPostgres } from '../../../lib/db/embedded-postgres';
import { freePort } from '../../../lib/db/free-port';
import { migrateDatabase } from '../../../lib/db/migrations';
import { startFakeStripe, type TFakeStripe } from '../../../lib/billing/providers/fakes/fake-stripe';
import { startFakeXendit, type TFakeXendit } from '../../../lib/billing/providers/fakes/fake-xendit';
import { startAppServer, type TRunningServer } from '../../../bench/lib/app-server';
import { processTreeCpuMs } from '../../../bench/lib/process-cpu';
import { buildProduction } from '../../../bench/lib/production-build';
import { buildIsStale } from '../build-freshness';
import { API, type ApiClient } from './api-client';
import { keepAliveFetch, type TSimFetch } from './keep-alive-fetch';
import type { TSimulationTarget } from './target';

/** The HTTP target: the server, its database and the fake providers, all stopped by `stop`. */
export interface TSimulationEnvironment extends TSimulationTarget {
  databaseUrl: string;
  providers: { xendit: TFakeXendit; stripe: TFakeStripe };
  serverLog: string;
  /** CPU time (ms) used so far by the server's process tree and by PostgreSQL's (postmaster and backends). */
  cpuMs(): { server: number; database: number };
  stop(): Promise<void>;
}

/**
 * What `npm run simulate` runs against: a fresh embedded PostgreSQL (migrated, nothing seeded), the
 * local fakes of Xendit and Stripe (SPEC §12) taking the refunds, and the production
 * build served by `next start` with TEST_CLOCK=true — built first when missing or older than the
 * sources. Only the API key is made directly in the database (as `npm run api-key` does); every
 * other record comes through HTTP.
 */
export async function startSimulationEnvironment(log: (line: string) => void, options: { servers: number }): Promise<TSimulationEnvironment> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(`${distDir}/BUILD_ID`) || (process.env.SIMULATE_SKIP_BUILD !== 'true' && (await buildIsStale(`${distDir}/BUILD_ID`)))) {
    log(`next build → ${distDir}/ (missing or older than the sources) …`);
    await buildProduction(distDir, log);
  }
  const root = await mkdtemp(path.join(tmpdir(), 'billing-simulate-'));
  await chmod(root, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: Number(process.env.SIMULATE_PG_PORT) || (await freePort()), database: 'billing_simulation', throwaway: true });
  const stopAll: (() => Promise<unknown>)[] = [async () => database.stop(), () => rm(root, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stopAll.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    await migrateDatabase(database.url);
    const writer = createClient(database.url, 1);
    const { secret } = await createApiKey({ name: 'simulation', role: 'super_admin' }, 'system', { client: writer }).finally(() => writer.$disconnect());
    // The invariants read through sessions that cannot write.
    const sql = createClient(`${database.url}${database.url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c default_transaction_read_only=on')}`, 4);
    stopAll.push(() => sql.$disconnect());

    const token = randomBytes(24).toString('hex');
    const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
    // The simulation sends the payment webhooks itself (provider-webhooks.ts); the fakes take refunds.
    const [xendit, stripe] = await Promise.all([startFakeXendit(), startFakeStripe()]);
    stopAll.push(() => xendit.close(), () => stripe.close());
    const serverUrl = await localSocketUrl(sql, database.url);
    const servers: TRunningServer[] = [];
    // One `next start` per instance, one after the other (each one's start-up has both cores).
    for (let instance = 0; instance < options.servers; instance++) {
      const server = await startAppServer({
        distDir, databaseUrl: serverUrl, logFile: path.join(root, `server-${instance + 1}.log`),
        env: {
          NODE_ENV: 'production',
          DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '16',
          TEST_CLOCK: 'true',
          WEBHOOK_RATE_LIMIT_PER_MINUTE: '1000000',
          LOG_LEVEL: process.env.SIMULATE_LOG_LEVEL ?? 'warn',
          BILLING_RUN_INTERVAL: 'off',
          REFUND_RECONCILE_INTERVAL: '0',
          XENDIT_SECRET_KEY: 'xnd_development_simulation_fake',
          XENDIT_CALLBACK_TOKEN: token,
          XENDIT_API_URL: xendit.url,
          STRIPE_SECRET_KEY: 'sk_test_simulation_fake',
          STRIPE_WEBHOOK_SECRET: webhookSecret,
          STRIPE_API_URL: stripe.url,
          STRIPE_MAX_NETWORK_RETRIES: '0',
        },
      });
      stopAll.push(() => server.stop());
      servers.push(server);
    }
    const origin = servers[0]!.origin;
    const postmaster = Number(readFileSync(path.join(database.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const cpuMs = () => ({ server: servers.reduce((sum, server) => sum + processTreeCpuMs(server.pid), 0), database: processTreeCpuMs(postmaster) });
    // Requests go to the instances in turn (as a load balancer's round robin would): a retry with
    // the same Idempotency-Key, a webhook delivered twice, a billing run beside another may each
    // meet another instance than the first, so every guarantee is exercised across instances.
    let turn = 0;
    const http = keepAliveFetch();
    const fetch: TSimFetch = (url, init) => {
      const server = servers[turn++ % servers.length]!;
      return http(url.startsWith(origin) ? server.origin + url.slice(origin.length) : url, init);
    };
    const serverLog = servers.length === 1 ? path.join(root, 'server-1.log') : path.join(root, 'server-*.log');
    return {
      fetch, origin, bearer: secret, sql, databaseUrl: database.url, providers: { xendit, stripe }, secrets: { origin, xenditToken: token, stripeSecret: webhookSecret, fetch }, serverLog, cpuMs, stop,
      moveClock: moveTestClock, clockNow: readTestClock,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The server reaches its PostgreSQL on this machine through the Unix-domain socket when there is
 * one (as a one-box deployment would): a statement costs both processes less CPU than over
 * loopback TCP, and the server makes ~10–20 round trips per request. TCP otherwise.
 */
async function localSocketUrl(sql: Db, tcpUrl: string): Promise<string> {
  const [row] = await sql.$queryRaw<{ unix_socket_directories: string }[]>`SHOW unix_socket_directories`;
  const url = new URL(tcpUrl);
  const directory = row?.unix_socket_directories.split(',').map((entry) => entry.trim()).find((entry) => existsSync(path.join(entry, `.s.PGSQL.${url.port}`)));
  if (!directory) return tcpUrl;
  url.searchParams.set('host', directory);
  return url.toString();
}

/** The test clock over HTTP (POST /api/v1/test-clock, audited as test_clock.moved). */
async function moveTestClock(api: ApiClient, to: Date): Promise<boolean> {
  const answer = await api.post(`/api/v1/test-clock`, { now: to.toISOString() }, { route: '/test-clock' });
  if (answer.status !== 200) throw new Error(`POST /api/v1/test-clock answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return true;
}

async function readTestClock(api: ApiClient): Promise<Date> {
  const clock = await api.get<{ now: string }>(`${API}/test-clock`);
  return new Date(clock.body.now);
}
