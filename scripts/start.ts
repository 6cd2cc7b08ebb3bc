// `npm start`: the console in one command. Without DATABASE_URL it starts an embedded PostgreSQL
// (data kept in $EMBEDDED_PG_DIR), migrates, seeds the demo data, builds if needed, and serves.
// `npm run dev` does the same with `next dev`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createClient } from '../lib/db';
import { migrateDatabase } from '../lib/db/migrations';
import { ensureSessionSecret } from '../lib/db/session-secret';
import { buildIsStale } from './lib/build-freshness';
import { seedDatabase } from '../prisma/seed';
import { SEED_USERS } from '../prisma/seed-users';
import { withServerNodeOptions } from './lib/server-node-options';
import { assertHttpPortFree, assertTestClockAllowed, orExit, resolveDatabaseOrExit } from './lib/startup';
import { startDemoProviders } from './lib/demo-providers';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const NEXT_BIN = 'node_modules/.bin/next';
const log = (message: string) => console.log(`[start] ${message}`);

// Every reason not to start is one sentence and exit code 1 (scripts/lib/startup.ts), checked
// before anything is started where that is cheap: the HTTP port first, then the database.
await orExit(assertHttpPortFree(port), '[start] ');
await orExit(assertTestClockAllowed(), '[start] ');
const database = await resolveDatabaseOrExit('[start] ');
log(database.embedded ? `embedded PostgreSQL at ${database.url} (data: ${database.embedded.dataDir})` : `PostgreSQL from DATABASE_URL`);

const applied = await migrateDatabase(database.url);
log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');

// Demo data by default on the embedded database; on DATABASE_URL only when SEED=true.
const seed = (process.env.SEED ?? (database.embedded || !process.env.DATABASE_URL ? 'true' : 'false')) === 'true';
if (seed) {
  const client = createClient(database.url, 2);
  try {
    const summary = await seedDatabase(client, { databaseUrl: database.url, log });
    log(`seed: ${JSON.stringify(summary)}`);
  } finally {
    await client.$disconnect();
  }
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await ensureSessionSecret()),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: String(port),
  // Without provider keys: the demo's test mode, refunds through local fakes of Xendit and Stripe.
  ...(process.env.XENDIT_SECRET_KEY || process.env.STRIPE_SECRET_KEY ? {} : await startDemoProviders(port)),
};
if (env.TEST_CLOCK === 'true') log('TEST_CLOCK=true: the billing clock can be moved forward (POST /api/v1/test-clock); never serve real customers from this server.');
if (env.PROVIDERS_TEST_MODE === 'true') log(`test mode: no provider keys, so Xendit (${env.XENDIT_API_URL}) and Stripe (${env.STRIPE_API_URL}) are local fakes`);

if (!dev && (process.env.SKIP_BUILD !== 'true') && (!existsSync(`${distDir}/BUILD_ID`) || (await buildIsStale(`${distDir}/BUILD_ID`)))) {
  log('building the production bundle (next build)…');
  await run(NEXT_BIN, ['build'], env);
}

// Its own process group, so that stopping the console stops every process Next starts.
const server = spawn(NEXT_BIN, [dev ? 'dev' : 'start', '-p', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], env: dev ? env : withServerNodeOptions(env), detached: true });
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready in|started server|Local:/i.test(chunk.toString())) printWelcome();
});

let welcomed = false;
function printWelcome() {
  if (welcomed) return;
  welcomed = true;
  const superAdmin = SEED_USERS.find((user) => user.role === 'super_admin');
  console.log(`\n  Billing Admin Console: http://localhost:${port}`);
  if (seed && superAdmin) console.log(`  Sign in as ${superAdmin.email} / ${superAdmin.password}\n`);
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  try {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await database.embedded?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.on('exit', (code) => void shutdown(code ?? 0));

function run(command: string, args: string[], runEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: runEnv });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
