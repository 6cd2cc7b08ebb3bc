// The servers Playwright tests against, one per worker (e2e/servers.ts): `npm start` (production
// build) on a throwaway embedded PostgreSQL and state directory, removed when the run ends. The
// demo seed is made once; each server gets its own copy of the seeded database (CREATE DATABASE
// … TEMPLATE, a file copy), so the workers never see each other's writes and the seed's ~20 s of
// simulated history is not paid once per worker. The servers after the first start first: the
// first one's /login, which Playwright waits for, answers only when every server does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { analyticsDb, bookkeepingDb, createClient, db } from '../lib/db';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { freePort } from '../lib/db/free-port';
import { migrateDatabase } from '../lib/db/migrations';
import { seedDatabase } from '../prisma/seed';
import { E2E_PORT, E2E_WORKERS, serverOrigin } from '../e2e/servers';
import { waitUntilServing } from '../bench/lib/app-server';
import { scratchDirectory, stopChild } from './lib/test-harness';

const log = (message: string) => console.log(`[e2e-server] ${message}`);
const root = scratchDirectory('billing-e2e-');
const children: ChildProcess[] = [];
let stopping = false;

const database = await startEmbeddedPostgres({
  dataDir: path.join(root, 'postgres'),
  port: await freePort(),
  database: 'billing',
  // Deleted when the run ends: PostgreSQL need not wait for the disk (lib/db/embedded-postgres.ts).
  throwaway: true,
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await migrateDatabase(database.url);
  // The demo's history is made through the API in this process, whose db() reads DATABASE_URL.
  process.env.DATABASE_URL = database.url;
  const client = createClient(database.url, 2);
  try {
    await seedDatabase(client, { databaseUrl: database.url, log });
  } finally {
    // Every pool the in-process API used: a database with sessions cannot be a template.
    await Promise.all([client, db(), bookkeepingDb(), analyticsDb()].map((prisma) => prisma.$disconnect()));
  }

  const urls = [database.url];
  const admin = new pg.Client({ connectionString: database.url.replace(/\/billing$/, '/postgres') });
  await admin.connect();
  try {
    for (let index = 1; index < E2E_WORKERS; index++) {
      await admin.query(`CREATE DATABASE billing_${index} TEMPLATE billing`);
      urls.push(database.url.replace(/\/billing$/, `/billing_${index}`));
    }
  } finally {
    await admin.end();
  }

  for (const index of [...urls.keys()].reverse()) {
    await startConsole(index, urls[index]!);
  }
} catch (error) {
  console.error(error);
  await stop(1);
}

/** `npm start` on the given database and port E2E_PORT + index; resolves once its /login answers. */
async function startConsole(index: number, databaseUrl: string): Promise<void> {
  const stateDir = path.join(root, `state-${index}`);
  mkdirSync(stateDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    stdio: 'inherit',
    env: { ...process.env, STATE_DIR: stateDir, DATABASE_URL: databaseUrl, SEED: 'false', PORT: String(E2E_PORT + index) },
  });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      log(`the console on port ${E2E_PORT + index} exited (${code}): stopping`);
      void stop(code || 1);
    }
  });
  await waitUntilServing(`${serverOrigin(index)}/login`, child);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => stopChild(child, 'SIGTERM')));
  await database.stop();
  rmSync(root, { recursive: true, force: true });
  process.exit(code);
}
