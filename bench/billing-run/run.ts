// `npm run bench:billing-run [-- <subscriptions>]`: the billing-run benchmark alone (also part of
// `npm run bench`), on a fresh embedded PostgreSQL: 45,000 due subscriptions by default.
import { startBenchDatabase } from '../lib/bench-database';
import { describeMachine } from '../lib/machine';
import { runBillingRunBench } from './billing-run-bench';

const count = Number(process.argv[2] ?? 45_000);
const log = (line: string) => console.log(`[bench:billing-run] ${line}`);
const database = await startBenchDatabase();
let failed = false;
try {
  const machine = await describeMachine(database.url);
  log(`${machine.nproc} cores, load ${machine.load.join(' ')}; ${count} due subscriptions…`);
  const result = await runBillingRunBench(database.url, count, log);
  log(`${result.subscriptions} subscriptions in ${result.seconds} s = ${result.perSecond}/s (batches of ${result.batchSize}), ${result.issued} invoices, peak RSS ${result.maxRssMb} MB, CLI CPU ${result.cliCpuMsPerSubscription} ms/subscription, load ${result.loadAtStart} → ${result.loadAtEnd}`);
  log(`${result.holds ? 'PASS' : 'FAIL'}: ${result.detail}`);
  failed = !result.holds;
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await database.stop();
}
process.exit(failed ? 1 : 0);
