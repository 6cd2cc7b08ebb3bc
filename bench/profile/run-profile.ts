// `npm run bench:profile -- <scenario> [--small] [--seconds N] [--out file.md]`: one bench/api
// scenario against the production server with V8's sampling profiler running in the server for the
// measured load only (bench/profile/cpu-profile-agent.cjs), then the top self-time functions.
// Scenarios: plans, invoices_deep, refund, ceiling (GET /plans without credentials: 401), plans_304
// (GET /plans with the ETag of the previous answer). The build is `next build --no-mangling` in
// BENCH_PROFILE_DIST_DIR (default .next-bench-profile; built when missing or with --rebuild), so the
// bundle's function names stay readable; mangling only renames. BENCH_DATA_DIR keeps the generated
// million invoices between runs (bench/lib/bench-database.ts); --small uses the smoke data instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiScenarios, scenarioRequests } from '../api/api-scenarios';
import { startAppServer } from '../lib/app-server';
import { startBenchDatabase } from '../lib/bench-database';
import { driveLoad, type TLoadSpec } from '../lib/drive-load';
import { currentLoad } from '../lib/machine';
import { prepareBenchData, type TBenchData } from '../lib/prepare-data';
import { processTreeCpuMs } from '../lib/process-cpu';
import { buildProduction } from '../lib/production-build';
import { profileTable, summarizeProfile } from './summarize-profile';

const SCENARIOS = ['plans', 'invoices_deep', 'refund', 'ceiling', 'plans_304'] as const;
type TScenario = (typeof SCENARIOS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { small: { type: 'boolean' }, seconds: { type: 'string' }, out: { type: 'string' }, rebuild: { type: 'boolean' }, top: { type: 'string' } },
});
const scenario = positionals[0] as TScenario | undefined;
if (!scenario || !SCENARIOS.includes(scenario)) {
  console.error(`usage: npm run bench:profile -- <${SCENARIOS.join('|')}> [--small] [--seconds N] [--out file.md] [--rebuild]`);
  process.exit(2);
}
const seconds = Number(values.seconds ?? 15);
const distDir = process.env.BENCH_PROFILE_DIST_DIR || '.next-bench-profile';
const size = values.small ? { organizations: 60, months: 6, refundable: 100 } : { organizations: 45_000, months: 40, refundable: 20_000 };
const log = (line: string) => console.log(`[bench:profile] ${line}`);
const AGENT = path.resolve('bench/profile/cpu-profile-agent.cjs');

if (values.rebuild || !existsSync(`${distDir}/BUILD_ID`)) {
  log(`next build --no-mangling → ${distDir}/ …`);
  await buildProduction(distDir, log, ['--no-mangling']);
}
const scratch = await mkdtemp(path.join(tmpdir(), 'billing-bench-profile-'));
const database = await startBenchDatabase();
let failed = false;
try {
  const data = await prepareBenchData(database.url, size);
  log(`${data.invoices} invoices; starting the server with the profiler agent…`);
  const app = await startAppServer({
    distDir,
    databaseUrl: database.url,
    logFile: path.join(scratch, 'app.log'),
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${AGENT}`.trim(), BENCH_CPU_PROFILE_DIR: scratch },
  });
  try {
    const load = await driveLoad({
      ...(await loadSpec(scenario, data, app.origin)),
      connections: 32,
      seconds,
      warmupRequestsPerConnection: 8,
      minRequestsPerConnection: 20,
      cpu: { server: () => processTreeCpuMs(app.pid), database: () => processTreeCpuMs(database.postmasterPid()) },
      beforeMeasured: () => startProfiler(app.pid),
    });
    const summary = summarizeProfile(await stopProfiler(app.pid, scratch));
    const heading = `${scenario}: ${load.requestsPerSecond} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.errors} errors (${JSON.stringify(load.statusCounts)}); CPU/request ${load.serverCpuMs} ms server + ${load.databaseCpuMs} ms PostgreSQL; load (1 min) ${load.load}`;
    const table = profileTable(summary, load.requests, load.serverCpuMs, Number(values.top ?? 20));
    console.log(`\n${heading}\n\n${table}\n`);
    if (values.out) await writeFile(values.out, `${heading}\n\n${table}\n`);
    // The ceiling answers 401 and the 304 run 304 by design: only the others must be all 2xx.
    if (scenario !== 'ceiling' && scenario !== 'plans_304' && load.errors > 0) failed = true;
  } finally {
    await app.stop();
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await database.stop();
  if (failed) log(`server log kept in ${scratch}/`);
  else await rm(scratch, { recursive: true, force: true });
  log(`load average now ${currentLoad()}`);
}
process.exit(failed ? 1 : 0);

type TScenarioSpec = Pick<TLoadSpec, 'origin' | 'method' | 'next' | 'headers'>;

async function loadSpec(which: TScenario, data: TBenchData, origin: string): Promise<TScenarioSpec> {
  const authorization = { authorization: `Bearer ${data.apiKey}` };
  const plans = () => ({ path: '/api/v1/admin/billing/plans' });
  if (which === 'ceiling') return { origin, method: 'GET', next: plans, headers: {} };
  if (which === 'plans_304') {
    const etag = (await fetch(`${origin}${plans().path}`, { headers: authorization })).headers.get('etag');
    if (!etag) throw new Error('GET /plans answered without an ETag');
    return { origin, method: 'GET', next: plans, headers: { ...authorization, 'if-none-match': etag } };
  }
  return { origin, ...scenarioRequests(apiScenarios(data).find((candidate) => candidate.id === which)!, data.apiKey) };
}

/** SIGUSR2 to every process of the server's tree that loaded the agent: its profiler starts. */
async function startProfiler(rootPid: number): Promise<void> {
  const targets = agentProcesses(rootPid);
  if (targets.length === 0) throw new Error('no server process loaded the profiler agent');
  for (const pid of targets) process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** SIGUSR2 again: each profiler stops and writes its profile; the busiest one (the process that served) is returned. */
async function stopProfiler(rootPid: number, dir: string): Promise<string> {
  const targets = agentProcesses(rootPid);
  for (const pid of targets) process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(dir, name));
    if (files.length < targets.length) continue;
    return files.sort((a, b) => summarizeProfile(b).busyMs - summarizeProfile(a).busyMs)[0]!;
  }
  throw new Error('the profiler agent wrote no profile within 30 s');
}

/** The server's process tree members whose environment carries BENCH_CPU_PROFILE_DIR (they preloaded the agent). */
function agentProcesses(rootPid: number): number[] {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const parent = new Map<number, number>();
  for (const pid of pids) {
    try {
      parent.set(pid, Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ')[1]));
    } catch {
      // Exited meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at && at > 1; at = parent.get(at)) if (at === rootPid) return true;
    return false;
  };
  return pids.filter((pid) => {
    if (!inTree(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes('BENCH_CPU_PROFILE_DIR=');
    } catch {
      return false;
    }
  });
}
