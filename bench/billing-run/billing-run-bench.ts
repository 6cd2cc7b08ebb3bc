import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import pg from 'pg';

export interface TBillingRunBench {
  subscriptions: number;
  seconds: number;
  /** The bench's subscriptions per second, CLI start to exit (whatever else the run found due included). */
  perSecond: number;
  batchSize: number;
  issued: number;
  failed: number;
  /** Peak resident memory of the CLI process. */
  maxRssMb: number;
  /** CPU time of the CLI process (user + system) per subscription: the Node side's cost, whatever the load. */
  cliCpuMsPerSubscription: number;
  loadAtStart: number;
  loadAtEnd: number;
  /** Every bench subscription has exactly one new invoice, and this month's numbers run 1…N without a gap. */
  holds: boolean;
  detail: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * `npm run billing:run` as a process over `count` due monthly subscriptions (a third with a flat
 * add-on, one in ten with a forever 10% coupon, one in five with usage beyond the plan's
 * allowance), written straight into PostgreSQL beforehand. Measures the wall time of the CLI and
 * checks that every subscription got exactly one invoice and the month's numbers have no gap.
 */
export async function runBillingRunBench(databaseUrl: string, count: number, log: (line: string) => void): Promise<TBillingRunBench> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tag = `bench-run-${Date.now().toString(36)}`;
    await createDueSubscriptions(client, tag, count);
    const month = new Date().toISOString().slice(0, 7).replace('-', '');
    const numbersBefore = Number((await client.query<{ n: string }>(`SELECT COALESCE(max(last_number), 0) AS n FROM invoice_number_counters WHERE month = $1`, [month])).rows[0]!.n);
    const loadAtStart = round2(loadavg()[0] ?? 0);
    const batchSize = 500;
    const started = performance.now();
    const { code, output } = await runCli(databaseUrl, batchSize, log);
    const seconds = round2((performance.now() - started) / 1000);
    if (code !== 0 && code !== 2) throw new Error(`billing:run exited ${code}:\n${output.slice(-2000)}`);
    const run = JSON.parse(output.trim().split('\n').at(-1)!) as { billing_run: { issued: number; renewed: number; failed: number }; max_rss_mb: number; cpu_ms: number };
    const check = await client.query<{ subs: string; invoiced_once: string; numbers: string; last: string }>(
      `SELECT count(*) AS subs,
              count(*) FILTER (WHERE (SELECT count(*) FROM invoices i WHERE i.subscription_id = s.id) = 1) AS invoiced_once,
              (SELECT count(*) FROM invoices WHERE number LIKE 'INV-' || $2 || '-%' AND length(number) = 17) AS numbers,
              (SELECT last_number FROM invoice_number_counters WHERE month = $2) AS last
         FROM subscriptions s JOIN organizations o ON o.id = s.organization_id WHERE o.slug LIKE $1 || '-%'`,
      [tag, month],
    );
    const row = check.rows[0]!;
    const holds = Number(row.subs) === count && Number(row.invoiced_once) === count && Number(row.last) === Number(row.numbers) && Number(row.last) - numbersBefore >= count;
    return {
      subscriptions: count, seconds, perSecond: Math.round(count / seconds), batchSize,
      issued: run.billing_run.issued, failed: run.billing_run.failed, maxRssMb: run.max_rss_mb, cliCpuMsPerSubscription: Math.round((run.cpu_ms / count) * 100) / 100,
      loadAtStart, loadAtEnd: round2(loadavg()[0] ?? 0), holds,
      detail: `${row.invoiced_once}/${row.subs} subscriptions invoiced once; numbers ${row.numbers} issued this month, counter at ${row.last}`,
    };
  } finally {
    await client.end();
  }
}

async function createDueSubscriptions(client: pg.Client, tag: string, count: number): Promise<void> {
  const startedAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1, 0, 30));
  const end = new Date(Date.UTC(startedAt.getUTCFullYear(), startedAt.getUTCMonth() + 1, 1, 0, 30));
  const plan = await client.query<{ id: string }>(
    `INSERT INTO plans (id, name, slug, currency, base_price_monthly, base_price_annual, per_agent_price, overage_message_price, limits, features, updated_at)
     VALUES (gen_random_uuid(), 'Bench run plan', $1, 'IDR', 299000, 2990000, 49000, 150, '{"max_agents":2,"max_contacts":null,"max_messages_month":5000,"max_channels":null,"max_ai_agents":null}', '{"ai_agent":false,"api_access":true,"dedicated_support":false}', now())
     RETURNING id`, [tag]);
  const addon = await client.query<{ id: string }>(`INSERT INTO addons (id, name, slug, price_monthly, price_annual, updated_at) VALUES (gen_random_uuid(), 'Bench add-on', $1, 150000, 1500000, now()) RETURNING id`, [tag]);
  const coupon = await client.query<{ id: string }>(
    `INSERT INTO coupons (id, code, discount_type, discount_value, duration, valid_from, updated_at) VALUES (gen_random_uuid(), upper(replace($1, '-', '_')), 'percentage', 10, 'forever', now() - interval '90 days', now()) RETURNING id`, [tag]);
  await client.query(
    `WITH orgs AS (
       INSERT INTO organizations (id, name, slug, billing_email, country, created_at, updated_at)
       SELECT gen_random_uuid(), 'Bench org ' || n, $1 || '-' || n, 'billing-' || n || '@bench.test', 'ID', $3, $3 FROM generate_series(1, $2::int) AS n
       RETURNING id, (regexp_match(slug, '(\\d+)$'))[1]::int AS n)
     INSERT INTO subscriptions (id, organization_id, plan_id, billing_cycle, currency, agent_count, coupon_id, started_at, current_period_start, current_period_end, created_at, updated_at)
     SELECT gen_random_uuid(), id, $4, 'monthly', 'IDR', 1 + n % 4, CASE WHEN n % 10 = 0 THEN $6::uuid END, $3, $3, $5, $3, $3 FROM orgs`,
    [tag, count, startedAt, plan.rows[0]!.id, end, coupon.rows[0]!.id],
  );
  await client.query(
    `INSERT INTO subscription_addons (subscription_id, addon_id, quantity)
     SELECT s.id, $2, 1 FROM subscriptions s JOIN organizations o ON o.id = s.organization_id WHERE o.slug LIKE $1 || '-%' AND (regexp_match(o.slug, '(\\d+)$'))[1]::int % 3 = 0`,
    [tag, addon.rows[0]!.id],
  );
  await client.query(
    `INSERT INTO usage_events (organization_id, event_id, messages, occurred_at, received_at)
     SELECT o.id, 'bench-' || n, 4000 + n % 3000, $2, $2 FROM organizations o, LATERAL (SELECT (regexp_match(o.slug, '(\\d+)$'))[1]::int AS n) x
      WHERE o.slug LIKE $1 || '-%' AND n % 5 = 0`,
    [tag, new Date(startedAt.getTime() + 10 * 86_400_000)],
  );
  await client.query('ANALYZE subscriptions; ANALYZE usage_events; ANALYZE organizations');
}

function runCli(databaseUrl: string, batchSize: number, log: (line: string) => void): Promise<{ code: number | null; output: string }> {
  // BILLING_RUN_CPU_PROF=<dir>: the CLI writes a V8 CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BILLING_RUN_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BILLING_RUN_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/billing-run.ts', '--batch-size', String(batchSize)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
    for (const line of chunk.toString().split('\n')) if (line.startsWith('billing run ')) log(`  ${line}`);
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
