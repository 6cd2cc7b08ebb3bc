// `npm run test:container`: runs exactly what the production image runs, where no Docker engine
// is: scripts/container/assemble.sh lays out the runtime (as the Dockerfile's build stage does),
// then entrypoint.sh — migrations, then the standalone server — as an unprivileged user (nobody)
// against an empty database. Checks it serves sign-in, the API and /api/ready, that the image's
// HEALTHCHECK passes, and that the Dockerfile still uses these same scripts.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createApiKey } from '../lib/auth/api-keys/create-api-key';
import { createClient } from '../lib/db';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { freePort } from '../lib/db/free-port';
import { stopGroup, waitUntilServing } from '../bench/lib/app-server';
import { ensureProductionBuild, scratchDirectory } from './lib/test-harness';

const log = (line: string) => console.log(`[container] ${line}`);
const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

// The Dockerfile must run these very scripts: otherwise this test proves nothing about the image.
const dockerfile = readFileSync('Dockerfile', 'utf8');
check(/bash scripts\/container\/assemble\.sh \/runtime/.test(dockerfile), 'Dockerfile lays out the runtime with scripts/container/assemble.sh');
check(/CMD \["\/app\/entrypoint\.sh"\]/.test(dockerfile), 'Dockerfile starts /app/entrypoint.sh (migrations, then the server)');
check(/HEALTHCHECK[^\n]*\/app\/healthcheck\.mjs/.test(dockerfile), 'Dockerfile HEALTHCHECK runs healthcheck.mjs (GET /api/ready)');
check(/^USER node$/m.test(dockerfile), 'Dockerfile runs as the unprivileged node user');
check(/output: 'standalone'/.test(readFileSync('next.config.mjs', 'utf8')), "next.config.mjs builds output: 'standalone'");

await ensureProductionBuild(log);

const root = scratchDirectory('billing-container-');
const app = path.join(root, 'app');
execFileSync('bash', ['scripts/container/assemble.sh', app], { stdio: 'inherit' });
const database = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort(), database: 'billing', throwaway: true });
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const env = {
  PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  NODE_ENV: 'production' as const,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: String(port),
  HOSTNAME: '127.0.0.1',
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: 'container-test-session-secret-0123456789',
  NEXTAUTH_URL: origin,
};
// As the image: the runtime directory, an unprivileged user, the entrypoint; nothing else of the checkout.
const server = spawn('runuser', ['-u', 'nobody', '--', path.join(app, 'entrypoint.sh')], { env, cwd: '/', detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
server.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
server.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
try {
  await waitUntilServing(`${origin}/api/health`, server);
  check(/applied migrations: /.test(output), 'the entrypoint applied the migrations to the empty database before serving');
  const ready = await fetch(`${origin}/api/ready`);
  check(ready.status === 200, `GET /api/ready is 200 (${ready.status} ${await ready.text()})`);
  const login = await fetch(`${origin}/login`);
  check(login.status === 200 && (await login.text()).includes('Sign in'), `GET /login serves the sign-in page (${login.status})`);
  const asset = /\/_next\/static\/[^"]+\.js/.exec(await (await fetch(`${origin}/login`)).text())?.[0];
  check(asset !== undefined && (await fetch(`${origin}${asset}`)).status === 200, `the browser assets are served (${asset ?? 'no script found'})`);
  const prisma = createClient(database.url, 1);
  const { secret } = await createApiKey({ name: 'container test', role: 'super_admin' }, 'system', { client: prisma });
  await prisma.$disconnect();
  const plans = await fetch(`${origin}/api/v1/admin/billing/plans`, { headers: { authorization: `Bearer ${secret}` } });
  check(plans.status === 200 && Array.isArray(await plans.json()), `GET /api/v1/admin/billing/plans with an API key is 200 (${plans.status})`);
  const anonymous = await fetch(`${origin}/api/v1/admin/billing/plans`);
  check(anonymous.status === 401, `the API refuses an anonymous caller (${anonymous.status})`);
  // runuser itself (root) waits in the group; everything under it (the server: node, titled next-server) must not be root.
  const users = execFileSync('bash', ['-c', `ps -o user=,comm= -p "$(pgrep -d, -g ${server.pid})" | awk '$2 != "runuser" { print $1 }' | sort -u`], { encoding: 'utf8' }).trim().split('\n');
  check(users.length === 1 && users[0] === 'nobody', `the server runs as nobody (${users.join(', ')})`);
  const health = spawn('runuser', ['-u', 'nobody', '--', 'node', path.join(app, 'healthcheck.mjs')], { env, stdio: 'ignore' });
  const healthCode = await new Promise<number>((resolve) => health.on('exit', (code) => resolve(code ?? 1)));
  check(healthCode === 0, `the image's HEALTHCHECK (healthcheck.mjs) passes (exit ${healthCode})`);
} catch (error) {
  failures.push(String(error));
  console.error(error, output);
} finally {
  await stopGroup(server);
  await database.stop();
  rmSync(root, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`[container] FAILED:\n  ${failures.join('\n  ')}\n--- server output ---\n${output}`);
  process.exit(1);
}
log('passed');
process.exit(0);
