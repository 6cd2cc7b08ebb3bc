// `npm run test:backup`: the backup and restore procedure of docs/DEPLOY.md, tested. The demo
// database is backed up while it runs (PostgreSQL's backup API: pg_backup_start, a copy of the
// data directory, pg_backup_stop, the WAL written meanwhile), restored into a fresh server, and
// the console is started on the restored copy: same rows, sign-in works, pages and API serve it.
// (pg_dump/pg_restore are the logical route: they need a client of the server's major version,
// 18, which neither the embedded package nor Debian 12 ships here; see docs/DEPLOY.md.)
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createClient } from '../lib/db';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { freePort } from '../lib/db/free-port';
import { migrateDatabase } from '../lib/db/migrations';
import { seedDatabase } from '../prisma/seed';
import { SEED_USERS } from '../prisma/seed-users';
import { startAppServer } from '../bench/lib/app-server';
import { ensureProductionBuild, scratchDirectory } from './lib/test-harness';
import { baseBackup, startPostgres } from '../tests/integration/physical-copy';
import { request, signIn } from '../tests/cluster/http';

const log = (line: string) => console.log(`[backup] ${line}`);
const FINGERPRINT = `SELECT (SELECT count(*) FROM invoices)::text AS invoices, (SELECT sum(total) FROM invoices)::text AS invoiced,
  (SELECT count(*) FROM refunds)::text AS refunds, (SELECT count(*) FROM users)::text AS users, (SELECT count(*) FROM audit_log)::text AS audit,
  (SELECT count(*) FROM _prisma_migrations)::text AS migrations`;

async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, string>>(FINGERPRINT)).rows[0]!;
  } finally {
    await client.end();
  }
}

await ensureProductionBuild(log);
const root = scratchDirectory('billing-backup-');
const source = await startEmbeddedPostgres({ dataDir: path.join(root, 'source'), port: await freePort(), database: 'billing', throwaway: true });
let failed = false;
let sourceRunning = true;
try {
  await migrateDatabase(source.url);
  const prisma = createClient(source.url, 2);
  await seedDatabase(prisma, { databaseUrl: source.url });
  await prisma.$disconnect();
  const before = await fingerprint(source.url);
  log(`demo database: ${JSON.stringify(before)}`);

  const target = path.join(root, 'restored');
  await baseBackup({ serverUrl: source.url.replace(/\/billing$/, ''), dataDir: source.dataDir, target, includeWal: true });
  // The source goes on changing after the backup: the restore must not see it.
  const client = new pg.Client({ connectionString: source.url });
  await client.connect();
  await client.query(`UPDATE plans SET name = name || ' (after backup)'`);
  await client.end();
  await source.stop();
  sourceRunning = false;

  const restored = await startPostgres(target, await freePort());
  try {
    const url = `${restored.url}/billing`;
    const after = await fingerprint(url);
    log(`restored database: ${JSON.stringify(after)}`);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the restored database differs from the backed-up one');
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ count: string }>(`SELECT count(*)::text AS count FROM plans WHERE name LIKE '% (after backup)'`);
    await check.end();
    if (rows[0]!.count !== '0') throw new Error('the restore holds a change made after the backup');

    const server = await startAppServer({ distDir: '.next', databaseUrl: url, logFile: path.join(root, 'app.log') });
    try {
      const superAdmin = SEED_USERS.find((user) => user.role === 'super_admin')!;
      const cookie = await signIn(server.origin, superAdmin.email, superAdmin.password);
      const dashboard = await request(server.origin, '/', { cookie });
      const invoices = await request(server.origin, '/invoices', { cookie });
      const api = await request(server.origin, '/api/v1/admin/billing/invoices?limit=5', { cookie });
      const ready = await request(server.origin, '/api/ready');
      log(`console on the restored database: dashboard ${dashboard.status}, invoices page ${invoices.status}, API ${api.status} (${api.body?.data?.length ?? 0} invoices), ready ${ready.status}`);
      if (dashboard.status !== 200 || invoices.status !== 200 || api.status !== 200 || !(api.body?.data?.length > 0) || ready.status !== 200) throw new Error('the console does not serve the restored database');
    } finally {
      await server.stop();
    }
  } finally {
    await restored.stop();
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  if (sourceRunning) await source.stop();
  rmSync(root, { recursive: true, force: true });
}
log(failed ? 'FAILED' : 'passed: backed up while running, restored into a fresh server, the console serves it');
process.exit(failed ? 1 : 0);
