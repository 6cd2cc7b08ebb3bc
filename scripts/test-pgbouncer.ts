// `npm run test:pgbouncer`: the integration tests of the paths that move money or count
// (refunds, Idempotency-Key, rate limits) and every analytics test, with the app's connections
// going through Debian's PgBouncer in transaction pooling mode. Databases are created and dropped
// on the server directly (TEST_DATABASE_ADMIN_URL). Fails unless the traffic went through PgBouncer.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { freePort } from '../lib/db/free-port';
import { pgbouncerVersion, startPgBouncer } from './lib/pgbouncer';
import { scratchDirectory } from './lib/test-harness';

export const PGBOUNCER_SUITE = [
  'lib/billing/refunds/',
  'lib/http/idempotency.int.test.ts',
  'lib/http/rate-limit.int.test.ts',
  'lib/billing/analytics/',
  'lib/health/',
];

const binary = execFileSync('bash', ['scripts/ensure-debian-package.sh', 'pgbouncer', 'pgbouncer'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const root = scratchDirectory('billing-pgbouncer-');
const serverPort = await freePort();
const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: serverPort, database: 'postgres', throwaway: true });
const bouncerDir = path.join(root, 'pgbouncer');
execFileSync('mkdir', ['-p', bouncerDir]);
const bouncer = await startPgBouncer({ dir: bouncerDir, serverPort, binary });
console.log(`${pgbouncerVersion(binary)} (transaction pooling) on :${bouncer.port} → PostgreSQL on :${serverPort}`);

let code = 1;
try {
  code = await new Promise<number>((resolve) => {
    // Files named on the command line narrow the run (the transaction check then expects fewer).
    const files = process.argv.slice(2);
    const child = spawn('npx', ['vitest', 'run', '--project', 'integration', ...(files.length ? files : PGBOUNCER_SUITE)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        TEST_DATABASE_SERVER_URL: `postgresql://postgres:postgres@127.0.0.1:${bouncer.port}?pgbouncer=true`,
        TEST_DATABASE_ADMIN_URL: `postgresql://postgres:postgres@127.0.0.1:${serverPort}`,
      },
    });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  const transactions = await bouncer.transactions();
  console.log(`PgBouncer passed ${transactions} transactions to the server`);
  if (code === 0 && transactions < (process.argv.length > 2 ? 20 : 1_000)) {
    console.error('Too few transactions went through PgBouncer: the tests did not use it.');
    code = 1;
  }
} finally {
  await bouncer.stop();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
}
process.exit(code);
