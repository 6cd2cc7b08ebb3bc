import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/db/embedded-postgres';
import { migrateDatabase } from '../../lib/db/migrations';
import { freePort } from '../../lib/db/free-port';
import { orExit } from '../../scripts/lib/startup';
import { databaseUrl } from './database-url';

export const TEMPLATE_DATABASE = 'billing_template';

/**
 * One real PostgreSQL server for the whole integration run, with a migrated template database;
 * every test file gets its own copy of the template (tests/integration/setup-database.ts).
 * TEST_DATABASE_SERVER_URL, when set, names a server to use instead of the embedded one (it may
 * carry `?pgbouncer=true`); TEST_DATABASE_ADMIN_URL then names the same server reached directly,
 * for creating and dropping databases: through a pooler, the pooled server connections to the
 * template would make CREATE DATABASE … TEMPLATE fail ("being accessed by other users").
 */
let server: EmbeddedDatabase | undefined;
let dataRoot: string | undefined;

export async function setup(project: TestProject) {
  let serverUrl: string;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_SERVER_URL) {
    serverUrl = process.env.TEST_DATABASE_SERVER_URL;
    adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? serverUrl;
  } else {
    dataRoot = await mkdtemp(path.join(tmpdir(), 'billing-it-'));
    await chmod(dataRoot, 0o755);
    // A server that cannot start is its one sentence and exit 1, as for `npm start`.
    const root = dataRoot;
    const starting = startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort(), database: 'postgres', throwaway: true });
    server = await orExit(starting.catch(async (error: unknown) => {
      await rm(root, { recursive: true, force: true });
      throw error;
    }), '[integration tests] ');
    serverUrl = server.url.replace(/\/postgres$/, '');
    adminUrl = serverUrl;
  }
  await ensureDatabase(databaseUrl(adminUrl, 'postgres'), TEMPLATE_DATABASE);
  await migrateDatabase(databaseUrl(adminUrl, TEMPLATE_DATABASE));
  project.provide('databaseServerUrl', serverUrl);
  project.provide('databaseAdminUrl', adminUrl);
}

export async function teardown() {
  await server?.stop();
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    /** The same server reached directly (not through a pooler): for CREATE/DROP DATABASE. */
    databaseAdminUrl: string;
  }
}
