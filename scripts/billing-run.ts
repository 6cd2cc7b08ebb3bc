// `npm run billing:run`: one billing run (lib/billing/runs/run-billing.ts) over DATABASE_URL or the
// embedded PostgreSQL: every subscription whose period has ended is renewed and invoiced, annual
// subscribers' closed months get their usage invoices. Prints a progress line every 2 s (and after
// the last batch), then the totals and each failure; the last line is the run as JSON.
// Exit code: 0 when every due subscription was billed, 2 when some failed (see the failures), 1
// when the run itself failed. Safe to run while another run is going, and again after a crash.
//   --batch-size <n>   subscriptions per transaction (default 500)
//   --concurrency <n>  batches in flight at once, each on its own connection (default 2)
import { resolveDatabase } from '../lib/db/local-database';

const batchArg = process.argv.indexOf('--batch-size');
const batchSize = batchArg > 0 ? Number(process.argv[batchArg + 1]) : undefined;
if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 5_000)) {
  console.error('--batch-size must be a whole number from 1 to 5000');
  process.exit(1);
}

const concurrencyArg = process.argv.indexOf('--concurrency');
const concurrency = concurrencyArg > 0 ? Number(process.argv[concurrencyArg + 1]) : undefined;
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 8)) {
  console.error('--concurrency must be a whole number from 1 to 8');
  process.exit(1);
}

const database = await resolveDatabase();
process.env.DATABASE_URL = database.url;
// The configuration requires the session secret of the web app, which a billing run never uses.
process.env.NEXTAUTH_SECRET ??= 'billing-run-cli-signs-no-sessions';
const { runBilling } = await import('../lib/billing/runs/run-billing');
const { db } = await import('../lib/db');

const startedAt = performance.now();
let lastPrinted = 0;
const line = (run: { issued: number; renewed: number; ended: number; skipped: number; failed: number }) => {
  const seconds = (performance.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round((run.renewed + run.ended) / seconds) : 0;
  return `issued ${run.issued}, renewed ${run.renewed}, ended ${run.ended}, skipped ${run.skipped}, failed ${run.failed} — ${seconds.toFixed(1)} s, ${rate} subscriptions/s`;
};

let exitCode = 0;
try {
  const run = await runBilling({
    trigger: 'cli', actor: 'system', batchSize, concurrency,
    onProgress: (progress) => {
      if (performance.now() - lastPrinted < 2_000) return;
      lastPrinted = performance.now();
      console.log(`billing run ${progress.id}: ${line(progress)}`);
    },
  });
  console.log(`billing run ${run.id} ${run.status}: ${line(run)}`);
  for (const failure of run.failures) console.log(`  failed ${failure.subscription_id}: ${failure.code} — ${failure.reason}`);
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ billing_run: run, max_rss_mb: Math.round(usage.maxRSS / 1024), cpu_ms: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) }));
  if (run.failed > 0) exitCode = 2;
} catch (error) {
  console.error('billing run failed:', error);
  exitCode = 1;
} finally {
  await db().$disconnect();
  await database.embedded?.stop();
}
process.exit(exitCode);
