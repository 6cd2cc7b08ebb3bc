// `npm run bench:customers`: the Customers page's search (GET /organizations) and the LCP of the
// Customers page and of a customer page, on the 45,000-tenant, ≈ 1,000,000-invoice data of
// `npm run bench`, against an existing production build (BENCH_DIST_DIR, default .next). The same
// measurements run inside `npm run bench`; this runs them alone (minutes, not the whole bench).
// BENCH_DATA_DIR keeps the generated database between runs. Prints the verdicts; writes nothing.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { measureWebVitals } from '../console/measure-web-vitals';
import { startAppServer, type TRunningServer } from '../lib/app-server';
import { startBenchDatabase } from '../lib/bench-database';
import { prepareBenchData } from '../lib/prepare-data';
import { judgeCustomers, TARGETS } from '../targets';
import { benchCustomerPath } from './bench-customer';
import { measureCustomerSearch } from './customer-search';

const distDir = process.env.BENCH_DIST_DIR || '.next';
const log = (line: string) => console.log(`[bench:customers] ${line}`);
// The machine is shared: the load average beside each figure separates the load from the cost.
const load = () => loadavg().map((value) => value.toFixed(1)).join(', ');
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.error(`No production build in ${distDir}/: run \`next build\` first (or set BENCH_DIST_DIR).`);
  process.exit(1);
}

const database = await startBenchDatabase();
let app: TRunningServer | undefined;
let failed = false;
try {
  const data = await prepareBenchData(database.url, { organizations: 45_000, months: 40, refundable: 10 });
  log(`${data.invoices} invoices (generated in ${data.generation.seconds} s)`);
  log(`load average (1, 5, 15 min) before the measurements: ${load()}`);
  app = await startAppServer({ distDir, databaseUrl: database.url, logFile: path.join(await mkdtemp(path.join(tmpdir(), 'bench-customers-')), 'app.log') });
  const search = await measureCustomerSearch(app.origin, data.apiKey, database.url, 40);
  for (const row of search.cases) log(`search ${row.label}: p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms, max ${row.maxMs} ms; SQL ${row.planMs} ms via ${row.indexes.join(', ')}`);
  const webVitals = await measureWebVitals(app.origin, ['/customers', await benchCustomerPath(database.url)], 5);
  for (const vitals of webVitals) log(`${vitals.route}: LCP ${vitals.lcpMs} ms (runs ${vitals.runs.map((run) => run.lcpMs).join(', ')}), FCP ${vitals.fcpMs} ms, TTFB ${vitals.ttfbMs} ms, TBT ${vitals.tbtMs} ms (target < ${TARGETS.lcpMs} ms)`);
  log(`load average (1, 5, 15 min) after: ${load()}`);
  for (const verdict of judgeCustomers(search, webVitals)) {
    log(`${verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.area}: ${verdict.target} — ${verdict.measured}`);
    if (!verdict.pass) failed = true;
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await app?.stop();
  await database.stop();
}
process.exit(failed ? 1 : 0);
