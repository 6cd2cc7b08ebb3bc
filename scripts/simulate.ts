// `npm run simulate -- --tenants N --months M --seed S [--concurrency C]`: a simulated business,
// driven only over HTTP against the production build with the test clock (issue #19). Starts a
// fresh embedded PostgreSQL, the fake Xendit and Stripe, and `next start` with TEST_CLOCK=true;
// then month by month: sign-ups, usage, billing runs, payments, changes, coupons, cancellations,
// refunds, retries; every invariant checked after each month and at the end. Exit 0 when all held,
// 1 with every broken rule (and the ids to reproduce it) otherwise.
import { parseArgs } from 'node:util';
import { startSimulationEnvironment } from './lib/simulate/environment';
import { printReport } from './lib/simulate/report';
import { runSimulation } from './lib/simulate/run-simulation';

const { values } = parseArgs({
  options: {
    tenants: { type: 'string', default: '200' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
    servers: { type: 'string', default: '1' },
    'no-progress': { type: 'boolean', default: false },
  },
});
const whole = (name: string, value: string, min: number, max: number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`);
    process.exit(2);
  }
  return number;
};
const options = {
  tenants: whole('tenants', values.tenants, 1, 100_000),
  months: whole('months', values.months, 1, 60),
  seed: whole('seed', values.seed, 0, 2 ** 31 - 1),
  concurrency: whole('concurrency', values.concurrency, 1, 256),
  servers: whole('servers', values.servers, 1, 8),
  progress: !values['no-progress'] && process.stdout.isTTY === true,
};
const log = (line: string) => console.log(`[simulate] ${line}`);

log(`${options.tenants} tenants × ${options.months} months, seed ${options.seed}, ${options.concurrency} requests at once, ${options.servers} server instance${options.servers === 1 ? '' : 's'}`);
const env = await startSimulationEnvironment(log, { servers: options.servers });
// Ctrl-C stops what the simulation started (the server's process group, the fakes, PostgreSQL and its data).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void env.stop().finally(() => process.exit(130)));
let code = 1;
try {
  log(`server ${env.origin} (TEST_CLOCK=true), database ${env.databaseUrl.replace(/\/\/[^@]*@/, '//')}, server log ${env.serverLog}`);
  const result = await runSimulation(env, options);
  printReport(result, options, log);
  code = result.failures.length ? 1 : 0;
} catch (error) {
  console.error(`[simulate] stopped: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`[simulate] server log: ${env.serverLog}`);
} finally {
  await env.stop();
}
process.exit(code);
