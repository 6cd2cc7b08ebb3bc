import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { databaseUrl } from './database-url';

/**
 * Each integration test file runs against its own fresh copy of the migrated template database,
 * so files can run in parallel and never see each other's rows.
 */
const serverUrl = inject('databaseServerUrl');
const adminUrl = inject('databaseAdminUrl');
const name = `test_${randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: databaseUrl(adminUrl, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE billing_template`);
await admin.end();

process.env.DATABASE_URL = databaseUrl(serverUrl, name);
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
process.env.TAX_RATE ??= '0.11';

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db().$disconnect();
  const cleanup = new pg.Client({ connectionString: databaseUrl(adminUrl, 'postgres') });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await cleanup.end();
});
