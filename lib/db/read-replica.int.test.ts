import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as overviewRoute } from '@/app/api/v1/admin/billing/analytics/overview/route';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { freePort } from '@/lib/db/free-port';
import { migrateDatabase } from '@/lib/db/migrations';
import { setLogDestination } from '@/lib/log';
import { ZOverview } from '@/lib/billing/analytics/schemas';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { baseBackup, configureStandby, startPostgres, type TPostgresProcess } from '@/tests/integration/physical-copy';

/**
 * A real streaming replica: this file's own primary (the shared test server is not copied), a base
 * backup of it through the SQL backup API, started as a hot standby on a replication slot. The
 * app gets both URLs before its configuration is first read.
 */
let root: string;
let primary: EmbeddedDatabase;
let replica: TPostgresProcess;
let replicaAdmin: pg.Client;
let primaryAdmin: pg.Client;
let api: ReturnType<typeof apiAs>;

const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
async function grossRevenueToday(): Promise<number> {
  const result = await api(overviewRoute, { query: { from: today, to: tomorrow, currency: 'IDR' } });
  expect(result.status).toBe(200);
  return ZOverview.parse(result.body).current.gross_revenue;
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function waitForReplay(timeoutMs = 30_000): Promise<number> {
  const startedAt = performance.now();
  const { rows } = await primaryAdmin.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  for (;;) {
    const { rows: replayed } = await replicaAdmin.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [rows[0]!.lsn]);
    if (replayed[0]!.done) return performance.now() - startedAt;
    if (performance.now() - startedAt > timeoutMs) throw new Error('the replica did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'billing-replica-'));
  await chmod(root, 0o755);
  const primaryPort = await freePort();
  primary = await startEmbeddedPostgres({ dataDir: path.join(root, 'primary'), port: primaryPort, database: 'billing' });
  await migrateDatabase(primary.url);
  const serverUrl = primary.url.replace(/\/billing$/, '');
  const replicaDir = path.join(root, 'replica');
  await baseBackup({ serverUrl, dataDir: primary.dataDir, target: replicaDir, slot: 'billing_replica' });
  await configureStandby(replicaDir, primaryPort, 'billing_replica');
  replica = await startPostgres(replicaDir, await freePort());
  primaryAdmin = new pg.Client({ connectionString: primary.url });
  replicaAdmin = new pg.Client({ connectionString: `${replica.url}/billing` });
  await primaryAdmin.connect();
  await replicaAdmin.connect();
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_REPLICA_URL = `${replica.url}/billing`;
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

afterAll(async () => {
  const { db, analyticsDb, replicaAnalyticsDb } = await import('@/lib/db');
  await Promise.all([db().$disconnect(), analyticsDb().$disconnect(), replicaAnalyticsDb()?.$disconnect()]);
  await primaryAdmin?.end();
  await replicaAdmin?.end().catch(() => {});
  await replica?.stop();
  await primary?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('analytics on a read replica (DATABASE_REPLICA_URL)', () => {
  it('the replica is a streaming standby of the primary, in recovery', async () => {
    const { rows } = await replicaAdmin.query<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery');
    expect(rows[0]!.recovery).toBe(true);
    const { rows: senders } = await primaryAdmin.query<{ state: string }>(`SELECT state FROM pg_stat_replication WHERE application_name = 'billing_replica'`);
    expect(senders.map((sender) => sender.state)).toEqual(['streaming']);
  });

  it('the overview reads the replica: a paid invoice appears there once replicated, not before', async () => {
    await createInvoiceFixture({ total: '111000' });
    await waitForReplay();
    expect(await grossRevenueToday()).toBe(111_000);

    // Lag, made visible: the standby stops replaying while the primary takes a payment.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    await createInvoiceFixture({ total: '222000' });
    const { rows } = await primaryAdmin.query<{ total: string }>(`SELECT sum(total)::text AS total FROM invoices WHERE status = 'paid'`);
    expect(rows[0]!.total).toBe('333000.0000');
    expect(await grossRevenueToday()).toBe(111_000); // stale: served by the replica, as of its replay point

    await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    const lagMs = await waitForReplay();
    expect(await grossRevenueToday()).toBe(333_000);
    console.log(`replica caught up ${Math.round(lagMs)} ms after replay resumed`);
  });

  it('an unreachable replica: reports read the primary, and the switch is logged once, not per request', async () => {
    const lines: string[] = [];
    setLogDestination({ write: (line: string) => void lines.push(line) }, 'info');
    try {
      await replicaAdmin.end();
      await replica.stop();
      await createInvoiceFixture({ total: '1000' });
      for (let request = 0; request < 4; request++) expect(await grossRevenueToday()).toBe(334_000);
      const switches = lines.map((line) => JSON.parse(line) as { event?: string; level: string }).filter((line) => line.event === 'replica_unreachable');
      expect(switches).toEqual([expect.objectContaining({ level: 'warn' })]);
    } finally {
      setLogDestination(null);
    }
  });
});
