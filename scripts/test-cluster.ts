// `npm run test:cluster`: two production instances (`next start` of one build, different ports,
// one NEXTAUTH_SECRET) over one PostgreSQL, behind Debian's nginx (installed when missing), and
// the scenarios of tests/cluster/scenarios.ts driven through it. Every total must be exact, no
// response a 5xx, and the balancer's own access log must show both instances serving. Reuses the
// production build in .next when it is current (npm test builds it just before), else builds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createApiKey } from '../lib/auth/api-keys/create-api-key';
import { createClient } from '../lib/db';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { freePort } from '../lib/db/free-port';
import { migrateDatabase } from '../lib/db/migrations';
import { seedDatabase } from '../prisma/seed';
import { SEED_USERS } from '../prisma/seed-users';
import { generateData } from './lib/generate-data/generate-data';
import { startAppServer, type TRunningServer } from '../bench/lib/app-server';
import { ensureProductionBuild, scratchDirectory } from './lib/test-harness';
import { startNginx, type TBalancer } from '../tests/cluster/nginx';
import {
  idempotencyAcrossInstances, parallelCouponApplications, warmUp, parallelRefunds, rateLimitAcrossInstances, revocationAcrossInstances, sessionAcrossInstances, type TCluster,
} from '../tests/cluster/scenarios';

const RATE_LIMIT_PER_MINUTE = 300;
const started = performance.now();
const log = (line: string) => console.log(`[cluster] ${line}`);
const nginxBinary = execFileSync('bash', ['scripts/ensure-debian-package.sh', 'nginx', 'nginx-light'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

await ensureProductionBuild(log);

const root = scratchDirectory('billing-cluster-');
const database = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort(), database: 'billing', throwaway: true });
const instances: TRunningServer[] = [];
let balancer: TBalancer | undefined;
let failed = false;
try {
  await migrateDatabase(database.url);
  const prisma = createClient(database.url, 2);
  try {
    // The sign-in users and the catalog; tenants with paid invoices come from the bulk generator
    // (a fraction of a second) rather than the demo's simulated history (~20 s): the scenarios
    // need paid invoices to refund and the starter plan, not the demo's story.
    await seedDatabase(prisma, { databaseUrl: database.url, history: false });
  } finally {
    await prisma.$disconnect();
  }
  const generator = new pg.Client({ connectionString: database.url });
  await generator.connect();
  try {
    const generated = await generateData(generator, { organizations: 60, months: 6, reset: false, seed: 1 });
    log(`generated ${generated.organizations} tenants with ${generated.rows.invoices ?? 0} invoices`);
  } finally {
    await generator.end();
  }
  const balancerPort = await freePort();
  const shared = {
    // One secret for every instance: a session signed by one is read by the other.
    NEXTAUTH_SECRET: 'cluster-shared-session-secret-0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${balancerPort}`,
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
    TRUST_PROXY: '1',
    DATABASE_POOL_SIZE: '10',
    NODE_ENV: 'production' as const,
  };
  for (const name of ['a', 'b']) {
    instances.push(await startAppServer({ distDir: '.next', databaseUrl: database.url, logFile: path.join(root, `instance-${name}.log`), env: shared }));
  }
  const upstreams = instances.map((instance) => new URL(instance.origin).host);
  mkdirSync(path.join(root, 'nginx'));
  balancer = await startNginx({ dir: path.join(root, 'nginx'), upstreams, binary: nginxBinary, port: balancerPort });
  log(`nginx ${balancer.origin} → ${upstreams.join(', ')}; PostgreSQL ${new URL(database.url).host}`);

  const superAdmin = SEED_USERS.find((user) => user.role === 'super_admin')!;
  const keys = createClient(database.url, 1);
  const cluster: TCluster = {
    balancer: balancer.origin,
    instances: [instances[0]!.origin, instances[1]!.origin],
    databaseUrl: database.url,
    newApiKey: async () => (await createApiKey({ name: `cluster ${Date.now()}`, role: 'super_admin' }, 'system', { client: keys })).secret,
    superAdmin: { email: superAdmin.email, password: superAdmin.password },
    rateLimitPerMinute: RATE_LIMIT_PER_MINUTE,
  };
  const scenarios = [
    ['200 parallel refunds of one invoice', parallelRefunds],
    ['200 parallel coupon applications through the API (150 uses)', parallelCouponApplications],
    ['one Idempotency-Key on both instances', idempotencyAcrossInstances],
    ['signed in on A, session used on B', sessionAcrossInstances],
    ['API key revoked through A, refused by B', revocationAcrossInstances],
    ['rate limit counted across both', rateLimitAcrossInstances],
  ] as const;
  try {
    await warmUp(cluster);
    for (const [name, scenario] of scenarios) {
      const scenarioStarted = performance.now();
      try {
        const result = await scenario(cluster);
        log(`✓ ${name} (${Math.round(performance.now() - scenarioStarted)} ms) ${JSON.stringify(result)}`);
      } catch (error) {
        failed = true;
        log(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await keys.$disconnect();
  }

  // The balancer's own record: both instances served, and nothing answered 5xx.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const entries = balancer.accessLog().filter((entry) => entry.uri !== '/api/health');
  const perUpstream = Object.fromEntries(upstreams.map((upstream) => [upstream, entries.filter((entry) => entry.upstream === upstream).length]));
  const serverErrors = entries.filter((entry) => entry.status >= 500).length;
  log(`balancer access log: ${entries.length} requests, per instance ${JSON.stringify(perUpstream)}, 5xx: ${serverErrors}`);
  if (Object.values(perUpstream).some((count) => count === 0)) {
    failed = true;
    log('✗ an instance served nothing through the balancer');
  }
  if (serverErrors > 0) {
    failed = true;
    log(`✗ ${serverErrors} responses were 5xx`);
  }
  const directErrors = execFileSync('bash', ['-c', `cat ${root}/instance-*.log | grep -c '"status":5' || true`], { encoding: 'utf8' }).trim();
  if (directErrors !== '0') {
    failed = true;
    log(`✗ the instances logged ${directErrors} 5xx responses`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await balancer?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await database.stop();
  if (failed) log(`kept the logs in ${root} (instance-a.log, instance-b.log, nginx/)`);
  else rmSync(root, { recursive: true, force: true });
}
log(`${failed ? 'FAILED' : 'passed'} in ${Math.round((performance.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
