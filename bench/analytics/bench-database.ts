import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createClient } from '../../lib/db';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { freePort } from '../../lib/db/free-port';
import { migrateDatabase } from '../../lib/db/migrations';
import { stateDir } from '../../lib/db/state-dir';
import { seedDatabase } from '../../prisma/seed';
import { generateData, type TGenerateSummary } from '../../scripts/lib/generate-data/generate-data';
import type { TBenchConfig } from './bench-config';

export interface TBenchDatabase {
  url: string;
  /** Set when this run generated the data (else it reused what an earlier run left). */
  generated: TGenerateSummary | null;
  stop(): Promise<void>;
}

/**
 * The database under test. BENCH_DATABASE_URL names one to use; otherwise an embedded PostgreSQL
 * of its own: for the full run in a kept directory (generating a million invoices takes minutes,
 * so a later run reuses them when the size matches), for smoke in a temporary one, removed after.
 * Migrated, seeded with the demo's users and catalog (not its tenants), then generated, then vacuumed and analyzed as
 * autovacuum would have left a table that old, so every run measures the same physical state.
 */
export async function openBenchDatabase(config: TBenchConfig, log: (message: string) => void): Promise<TBenchDatabase> {
  let url = process.env.BENCH_DATABASE_URL;
  let stopServer = async () => {};
  if (!url) {
    const dataRoot = config.mode === 'smoke'
      ? await mkdtemp(path.join(tmpdir(), 'bench-analytics-'))
      : process.env.BENCH_PG_DIR ?? path.join(stateDir(), 'bench-analytics');
    await mkdir(dataRoot, { recursive: true });
    await chmod(dataRoot, 0o755);
    // A smoke's data is deleted when it ends: PostgreSQL need not wait for the disk. Measured runs keep the durable settings.
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, 'pg'), port: await freePort(), database: 'bench', throwaway: config.mode === 'smoke' });
    log(`embedded PostgreSQL at ${server.url} (data: ${server.dataDir})`);
    url = server.url;
    stopServer = async () => {
      await server.stop();
      if (config.mode === 'smoke') await rm(dataRoot, { recursive: true, force: true });
    };
  }

  try {
    await migrateDatabase(url);
    const prisma = createClient(url, 2);
    try {
      await seedDatabase(prisma, { databaseUrl: url, history: false });
    } finally {
      await prisma.$disconnect();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const generated = await generateIfNeeded(client, config, log);
      log('VACUUM ANALYZE…');
      await client.query('VACUUM (ANALYZE) organizations, subscriptions, subscription_addons, invoices, invoice_lines, payments, refunds, coupon_redemptions, coupons, plans, addons');
      return { url, generated, stop: stopServer };
    } finally {
      await client.end();
    }
  } catch (error) {
    await stopServer();
    throw error;
  }
}

async function generateIfNeeded(client: pg.Client, config: TBenchConfig, log: (message: string) => void): Promise<TGenerateSummary | null> {
  const { rows: [have] } = await client.query<{ organizations: number; months: number }>(
    `SELECT count(DISTINCT o.id)::int AS organizations,
            COALESCE((SELECT count(DISTINCT period_start)::int FROM invoices WHERE number LIKE 'GEN-%'), 0) AS months
       FROM organizations o WHERE o.slug LIKE 'gen-%'`,
  );
  if (have!.organizations === config.organizations && have!.months === config.months) {
    log(`reusing the generated data (${config.organizations.toLocaleString('en-US')} tenants × ${config.months} months)`);
    return null;
  }
  log(`generating ${config.organizations.toLocaleString('en-US')} tenants × ${config.months} months…`);
  const summary = await generateData(client, { organizations: config.organizations, months: config.months, seed: 1, reset: true }, (message) => log(`  ${message}`));
  log(`generated ${summary.totalRows.toLocaleString('en-US')} rows in ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.rowsPerSecond.toLocaleString('en-US')} rows/s)`);
  return summary;
}
