// `npm run bench`: every benchmark (bench/api, bench/contention, bench/console) on a fresh
// embedded PostgreSQL with ~1,000,000 invoices, against the production build; writes
// docs/PERFORMANCE.md. `npm run bench -- --smoke` (or BENCH_SMOKE=1): tiny data, a few seconds of
// load, the existing build in NEXT_DIST_DIR (default .next), and only correctness decides the exit
// code — exact totals and no errors, not the targets. Writes nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBalancerBench } from './api/balancer-bench';
import { refundTotalsHold, runApiBench, type TApiBench } from './api/run-api-bench';
import { checkSmokeRatios, recordSmokeRatios, smokeRatiosBelowFloor } from './api/smoke-ratios';
import { runBillingRunBench } from './billing-run/billing-run-bench';
import { checkBundleBudgets } from './console/bundle-budget';
import { measureBundles } from './console/measure-bundles';
import { measureWebVitals } from './console/measure-web-vitals';
import { runCouponContention } from './contention/coupon-contention';
import { benchCustomerPath } from './customers/bench-customer';
import { measureCustomerSearch } from './customers/customer-search';
import { runRefundContention } from './contention/refund-contention';
import { startAppServer, type TRunningServer } from './lib/app-server';
import { startBenchDatabase } from './lib/bench-database';
import { startFloorServer } from './lib/floor-process';
import { currentLoad, describeMachine } from './lib/machine';
import { prepareBenchData } from './lib/prepare-data';
import { buildProduction } from './lib/production-build';
import { writePerformanceReport } from './report/write-performance-report';
import { judge, judgeApi } from './targets';

/** Ends an `--api-only` run after the API figures (the rest of the run is skipped, its cleanup kept). */
class ApiOnlyDone extends Error {}

const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
// `--api-only`: bench/api and the balancer row alone (with the existing build, BENCH_DIST_DIR), their
// verdicts printed and the figures written as JSON to BENCH_JSON (if set): for before/after comparisons.
const apiOnly = process.argv.includes('--api-only');
const PROFILE = smoke
  ? { data: { organizations: 60, months: 6, refundable: 100 }, connections: 32, seconds: 2, warmup: 2, minPerConnection: 4, contention: 200, couponMaxUses: 150, vitalsRuns: 1, billingRunSubscriptions: 300, searchRequests: 3 }
  : { data: { organizations: 45_000, months: 40, refundable: 20_000 }, connections: 32, seconds: 20, warmup: 8, minPerConnection: 20, contention: 200, couponMaxUses: 150, vitalsRuns: 5, billingRunSubscriptions: 45_000, searchRequests: 40 };
const distDir = smoke ? process.env.NEXT_DIST_DIR || '.next' : process.env.BENCH_DIST_DIR || '.next-bench-api';
const log = (line: string) => console.log(`[bench${smoke ? ':smoke' : ''}] ${line}`);

const startedAt = new Date();
const loadAtStart = currentLoad();
if (smoke) {
  if (!existsSync(`${distDir}/BUILD_ID`)) {
    console.error(`No production build in ${distDir}/: run \`next build\` before \`npm run bench -- --smoke\`.`);
    process.exit(1);
  }
} else if ((apiOnly || process.env.BENCH_SKIP_BUILD === '1') && existsSync(`${distDir}/BUILD_ID`)) {
  log(`using the existing build in ${distDir}/ (BENCH_SKIP_BUILD=1)`);
} else {
  log(`next build → ${distDir}/ …`);
  await buildProduction(distDir, log);
}

const scratch = await mkdtemp(path.join(tmpdir(), 'billing-bench-logs-'));
const database = await startBenchDatabase();
const servers: TRunningServer[] = [];
let failed = false;
try {
  log(`PostgreSQL ready; seeding and generating ${PROFILE.data.organizations} tenants × ${PROFILE.data.months} months…`);
  const data = await prepareBenchData(database.url, PROFILE.data);
  log(`${data.invoices} invoices (generated in ${data.generation.seconds} s)`);
  const machine = await describeMachine(database.url);

  const app = await startAppServer({ distDir, databaseUrl: database.url, logFile: path.join(scratch, 'app.log') });
  servers.push(app);
  const floor = await startFloorServer(database.url, path.join(scratch, 'floor.log'));
  servers.push(floor);

  log('API: app vs floor…');
  const apiOptions = { app, floor, databaseUrl: database.url, postmasterPid: database.postmasterPid, data, connections: PROFILE.connections, seconds: PROFILE.seconds, warmupRequestsPerConnection: PROFILE.warmup, minRequestsPerConnection: PROFILE.minPerConnection, log };
  const api = await runApiBench(apiOptions);
  // The smoke's efficiency ratios: an endpoint below its committed floor is measured once more (see checkSmokeRatios).
  const apiRuns: TApiBench[] = [api];
  const below = smoke && !process.argv.includes('--record-ratios') ? smokeRatiosBelowFloor(api) : [];
  if (below.length > 0) {
    log(`efficiency below the committed floor for ${below.join(', ')}: measuring the API once more…`);
    apiRuns.push(await runApiBench(apiOptions));
  }
  log('two instances behind nginx vs one instance: GET /plans and refunds…');
  const balancer = await runBalancerBench({
    app,
    startSecond: async () => {
      const second = await startAppServer({ distDir, databaseUrl: database.url, logFile: path.join(scratch, 'app-2.log') });
      servers.push(second);
      return second;
    },
    databaseUrl: database.url, data, connections: PROFILE.connections, seconds: PROFILE.seconds, warmupRequestsPerConnection: PROFILE.warmup, minRequestsPerConnection: PROFILE.minPerConnection, log,
  });
  log(`balancer: per instance ${JSON.stringify(balancer.perInstance)}, refunds ${balancer.refunds.holds ? 'exact' : 'WRONG'}`);
  if (apiOnly) {
    const verdicts = judgeApi({ api, balancer });
    for (const verdict of verdicts) log(`${verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.area}: ${verdict.target} — ${verdict.measured}`);
    if (process.env.BENCH_JSON) await writeFile(process.env.BENCH_JSON, JSON.stringify({ distDir, loadAtStart, loadAtEnd: currentLoad(), api, balancer, verdicts }, null, 2));
    failed = verdicts.some((verdict) => verdict.correctness && !verdict.pass);
    throw new ApiOnlyDone();
  }
  log('contention: refunds of one invoice, redemptions of one coupon…');
  const refundContention = await runRefundContention(app.origin, data.apiKey, database.url, PROFILE.contention);
  log(`refunds: ${JSON.stringify(refundContention.statusCounts)} in ${refundContention.seconds} s, totals ${refundContention.holds ? 'exact' : 'WRONG'}`);
  const couponContention = await runCouponContention(database.url, PROFILE.contention, PROFILE.couponMaxUses);
  log(`coupons: ${couponContention.redeemed} redeemed in ${couponContention.seconds} s, totals ${couponContention.holds ? 'exact' : 'WRONG'}`);
  log(`billing run: ${PROFILE.billingRunSubscriptions} due subscriptions through \`npm run billing:run\`…`);
  const billingRun = await runBillingRunBench(database.url, PROFILE.billingRunSubscriptions, log);
  log(`billing run: ${billingRun.subscriptions} in ${billingRun.seconds} s = ${billingRun.perSecond}/s, peak RSS ${billingRun.maxRssMb} MB, load ${billingRun.loadAtStart} → ${billingRun.loadAtEnd}, ${billingRun.holds ? 'each invoiced once' : 'WRONG'}`);
  log('customer search: GET /organizations, one request at a time…');
  const customerSearch = await measureCustomerSearch(app.origin, data.apiKey, database.url, PROFILE.searchRequests);
  for (const row of customerSearch.cases) log(`search ${row.label}: p95 ${row.p95Ms} ms; SQL ${row.planMs} ms via ${row.indexes.join(', ')}`);
  log('console: LCP and TBT in Chromium…');
  const webVitals = await measureWebVitals(app.origin, ['/plans', '/invoices', '/customers', await benchCustomerPath(database.url)], PROFILE.vitalsRuns);
  for (const vitals of webVitals) {
    const csp = vitals.runs.reduce((sum, run) => sum + run.cspViolations, 0);
    log(`${vitals.route}: LCP ${vitals.lcpMs} ms, TBT ${vitals.tbtMs} ms, CSP violations ${csp}`);
  }
  const bundles = checkBundleBudgets(await measureBundles(distDir));

  const results = { api, balancer, refundContention, couponContention, billingRun, bundles, webVitals, customerSearch };
  const verdicts = judge(results);
  // The smoke's ratios against the committed ones (bench/api/smoke-ratios.json): a regression of more than 30% fails it.
  if (smoke) verdicts.push(...(process.argv.includes('--record-ratios') ? recordSmokeRatios(api) : checkSmokeRatios(apiRuns)));
  // A second API run's refunds add up as the first's do (the first is judged with the rest).
  for (const again of apiRuns.slice(1)) verdicts.push({ area: 'POST /invoices/{id}/refund, second measurement', target: 'every 201 one succeeded refund, totals exact', measured: `${again.refunds.created201} × 201 = ${again.refunds.addedInDatabase} refunds; ${again.refunds.mismatched} mismatched`, pass: refundTotalsHold(again.refunds), correctness: true });
  for (const verdict of verdicts) log(`${verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.area}: ${verdict.target} — ${verdict.measured}`);
  const correctnessFailures = verdicts.filter((verdict) => verdict.correctness && !verdict.pass);
  failed = correctnessFailures.length > 0;
  const checked = smoke ? verdicts.filter((verdict) => verdict.correctness) : verdicts;
  console.log(`\n${checked.filter((verdict) => verdict.pass).length} passed, ${checked.filter((verdict) => !verdict.pass).length} failed`);
  if (!smoke) {
    await writePerformanceReport('docs/PERFORMANCE.md', { startedAt, finishedAt: new Date(), loadAtStart, loadAtEnd: currentLoad(), machine, data, profile: PROFILE, distDir, results, verdicts });
    log('wrote docs/PERFORMANCE.md');
  }
} catch (error) {
  if (!(error instanceof ApiOnlyDone)) {
    failed = true;
    console.error(error);
  }
} finally {
  for (const server of servers.reverse()) await server.stop();
  await database.stop();
  if (failed) console.error(`server logs kept in ${scratch}/`);
  else await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
