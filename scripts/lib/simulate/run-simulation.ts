import { SingleBar, Presets } from 'cli-progress';
import { API, ApiClient } from './api-client';
import { createCatalog, type TCatalog } from './catalog';
import { checkInvariants } from './invariants/all-invariants';
import { newLedger, payInvoices, refundSome, settleRefunds, type TTickAt } from './money';
import { forEachBounded } from './pool';
import { Prng } from './prng';
import type { TSimulationTarget } from './target';
import { act, planTenants, signUp, TICKS, type TActionCounts, type TTenantNames } from './tenants';
import { reportUsage } from './usage';

export interface TSimulationOptions {
  tenants: number;
  months: number;
  seed: number;
  concurrency: number;
  progress: boolean;
  /**
   * The history's end: stops after it are not made, and the clock ends there (the seed: now, so
   * its months end today). Without it the simulation starts on the 1st after the clock's "now" and
   * ends `months` later.
   */
  endsAt?: Date;
  /** What is sold: made through the API when absent (catalog.ts); the seed passes its own catalog. */
  catalog?: TCatalog;
  /** The tenants' names (the seed: its demo companies); `Simulated tenant N` otherwise. */
  names?: TTenantNames;
  /** How often live tenants change their subscriptions (1 by default; the demo's business is calmer): tenants.ts act. */
  activity?: number;
  /** false: no invariant is checked here (the seed: its test checks them on the seeded database). */
  invariants?: boolean;
}

export interface TSimulationResult {
  counts: TActionCounts;
  requests: number;
  retries: number;
  /** 503s waited out and sent again (the same Idempotency-Key). */
  unavailableRetries: number;
  byStatus: Record<string, number>;
  /** Per route: requests and mean milliseconds per answer. */
  routes: { route: string; requests: number; meanMs: number }[];
  monthSeconds: number[];
  /** Per phase, over all ticks: seconds, requests, and the server's and PostgreSQL's CPU (ms; 0 in-process). */
  phases: Record<string, TPhaseFigures>;
  seconds: number;
  /** Every broken invariant and API promise, each naming its ids; empty when all held. */
  failures: string[];
  startsAt: string;
  endsAt: string;
  /** CPU time over the run (ms): the server's process tree, PostgreSQL's, and the simulator's own (with the fake providers). */
  /** In-process (no cpuMs on the target) the server's work is counted in `client`. */
  cpuMs: { server: number; database: number; client: number };
  /** The simulator's peak resident memory (MB). */
  clientMaxRssMb: number;
}

export interface TPhaseFigures {
  seconds: number;
  requests: number;
  cpuMs: { server: number; database: number };
}

const DAY = 86_400_000;
const utcMonth = (start: Date, months: number) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Drives the business month by month through HTTP: at each of a month's ticks (days 1, 11, 21)
 * the test clock moves, billing runs (sometimes two at once), usage is reported, tenants sign up
 * and change their subscriptions, invoices are paid and some refunded, pending refunds settled by
 * the reconciler. After each month every invariant is checked (and once more at the end).
 */
export async function runSimulation(env: TSimulationTarget, options: TSimulationOptions): Promise<TSimulationResult> {
  const started = performance.now();
  const cpuAtStart = { ...(env.cpuMs?.() ?? { server: 0, database: 0 }), client: process.cpuUsage() };
  const api = new ApiClient(env.origin, env.bearer, `sim-${options.seed}`, env.fetch);
  const counts: TActionCounts = {};
  const ledger = newLedger();
  const failures: string[] = [];
  let clockMoves = 0;
  const phases = new Map<string, TPhaseFigures>();
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const phaseStarted = performance.now();
    const [requestsBefore, cpuBefore] = [api.stats.requests, env.cpuMs?.() ?? { server: 0, database: 0 }];
    try {
      return await work();
    } finally {
      const cpuAfter = env.cpuMs?.() ?? { server: 0, database: 0 };
      const figures = phases.get(phase) ?? { seconds: 0, requests: 0, cpuMs: { server: 0, database: 0 } };
      phases.set(phase, {
        seconds: figures.seconds + (performance.now() - phaseStarted) / 1000,
        requests: figures.requests + api.stats.requests - requestsBefore,
        cpuMs: { server: figures.cpuMs.server + cpuAfter.server - cpuBefore.server, database: figures.cpuMs.database + cpuAfter.database - cpuBefore.database },
      });
    }
  };
  let clockAt = new Date(0);
  let movedAt = 0;
  const moveClock = async (to: Date) => {
    if (await env.moveClock(api, to)) clockMoves++;
    clockAt = to;
    movedAt = performance.now();
  };
  // The clock flows on after a move, as the app's does.
  const simulatedNow = () => new Date(clockAt.getTime() + Math.floor(performance.now() - movedAt));
  // The first month starts on the 1st after today (00:00 UTC): the test clock only moves forward.
  // With an end (the seed), the months are the ones that end there: the last is the end's own.
  const startsAt = options.endsAt ? utcMonth(options.endsAt, 1 - options.months) : utcMonth(await env.clockNow(api), 1);
  const lastAt = options.endsAt ?? utcMonth(startsAt, options.months);
  await moveClock(startsAt);
  const catalog = options.catalog ?? (await createCatalog(api, options.tenants, startsAt));
  const tenants = planTenants(options.tenants, options.months, options.seed);
  // Tenants due to join at a stop past the end join at the last stop before it: every one exists.
  const stops = Array.from({ length: options.months * TICKS }, (_, stop) => ({ month: Math.floor(stop / TICKS), tick: stop % TICKS }));
  const lastStop = stops.filter(({ month, tick }) => stopAt(startsAt, month, tick) < lastAt).at(-1)!;
  for (const tenant of tenants) {
    if (stopAt(startsAt, tenant.joins.month, tenant.joins.tick) >= lastAt) tenant.joins = { ...lastStop };
  }
  const tenantOf = new Map<string, number>();
  const bar = options.progress ? new SingleBar({ format: 'simulating {bar} {value}/{total} ticks | month {month} | {requests} requests | {failures} failures', hideCursor: true }, Presets.shades_classic) : null;
  bar?.start(options.months * TICKS, 0, { month: 1, requests: 0, failures: 0 });
  const monthSeconds: number[] = [];

  for (let month = 0; month < options.months; month++) {
    const monthStarted = performance.now();
    const monthStart = utcMonth(startsAt, month);
    for (let tick = 0; tick < TICKS; tick++) {
      const instant = stopAt(startsAt, month, tick);
      if (instant >= lastAt) break;
      if (month > 0 || tick > 0) await moveClock(instant);
      const at: TTickAt = { seed: options.seed, month, tick, instant, now: simulatedNow };
      const prng = new Prng(options.seed, month, tick, 0xb111);
      const runs = prng.chance(0.3) ? 2 : 1;
      const results = await timed('billing runs', () => Promise.all(Array.from({ length: runs }, () => api.post<{ failed: number; failures: unknown[] }>(`${API}/billing-runs`, undefined, { route: '/billing-runs' }))));
      for (const result of results) {
        if (result.status !== 201 || result.body.failed > 0) failures.push(`billing run at ${instant.toISOString()} answered ${result.status}: ${JSON.stringify(result.body).slice(0, 400)}`);
      }
      counts[runs === 2 ? 'billing runs (two at once)' : 'billing runs'] = (counts[runs === 2 ? 'billing runs (two at once)' : 'billing runs'] ?? 0) + 1;
      await timed('usage', () => reportUsage(api, tenants, at, counts));
      const joining = tenants.filter((tenant) => tenant.joins.month === month && tenant.joins.tick === tick);
      await timed('sign-ups', () => forEachBounded(joining, options.concurrency, async (tenant) => {
        await signUp(api, catalog, tenant, new Prng(options.seed, tenant.index, 0x5160), counts, options.names);
        tenantOf.set(tenant.organizationId!, tenant.index);
      }));
      const acting = tenants.filter((tenant) => (tenant.state === 'active' || tenant.state === 'cancelling') && !joining.includes(tenant));
      await timed('subscription changes', () => forEachBounded(acting, options.concurrency, (tenant) => act(api, catalog, tenant, new Prng(options.seed, tenant.index, month, tick, 0xac7), counts, options.activity)));
      await timed('reconciler', () => settleRefunds(env, api, ledger, options.seed + month * TICKS + tick, counts));
      const paid = await timed('payments', () => payInvoices(env, api, tenantOf, ledger, at, options.concurrency, counts));
      // Stripe's payments are stamped on the next whole second: refunds come after them.
      if (paid.some((payment) => payment.provider === 'stripe')) await moveClock(new Date(Math.ceil((simulatedNow().getTime() + 1_000) / 1000) * 1000));
      await timed('refunds', () => refundSome(env, api, paid, ledger, at, options.concurrency, counts));
      bar?.increment(1, { month: month + 1, requests: api.stats.requests, failures: failures.length + api.failures.length });
    }
    const monthEnd = new Date(Math.min(utcMonth(startsAt, month + 1).getTime(), lastAt.getTime()));
    if (options.invariants !== false) failures.push(...(await timed('invariants', () => checkInvariants({
      sql: env.sql, expected: ledger, clockMoves,
      month: { from: isoDate(monthStart), to: isoDate(monthEnd), overview: () => overviewOf(api, monthStart, monthEnd) },
    }))).map((failure) => `month ${month + 1} (${isoDate(monthStart)}): ${failure}`));
    monthSeconds.push((performance.now() - monthStarted) / 1000);
  }
  // The end: the last month closes (its period invoices issued), pending refunds settle, every rule once more.
  const endsAt = lastAt;
  await moveClock(endsAt);
  await api.post(`${API}/billing-runs`, undefined, { route: '/billing-runs' });
  await settleRefunds(env, api, ledger, options.seed, counts);
  if (options.invariants !== false) failures.push(...(await checkInvariants({ sql: env.sql, expected: ledger, clockMoves })).map((failure) => `at the end: ${failure}`));
  bar?.stop();
  failures.push(...api.failures);
  const cpuAtEnd = env.cpuMs?.() ?? { server: 0, database: 0 };
  const client = process.cpuUsage(cpuAtStart.client);
  const cpuMs = { server: cpuAtEnd.server - cpuAtStart.server, database: cpuAtEnd.database - cpuAtStart.database, client: (client.user + client.system) / 1000 };
  return {
    cpuMs, clientMaxRssMb: process.resourceUsage().maxRSS / 1024,
    routes: [...api.stats.byRoute].map(([route, requests]) => ({ route, requests, meanMs: (api.stats.msByRoute.get(route) ?? 0) / requests })).sort((a, b) => b.requests * b.meanMs - a.requests * a.meanMs),
    counts, requests: api.stats.requests, retries: api.stats.retries, unavailableRetries: api.stats.unavailableRetries, byStatus: Object.fromEntries(api.stats.byStatus), monthSeconds,
    seconds: (performance.now() - started) / 1000, failures, phases: Object.fromEntries(phases), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(),
  };
}

/** The instant of a stop: days 1, 11 and 21 of each month at 00:00 UTC (the very first a minute later). */
function stopAt(startsAt: Date, month: number, tick: number): Date {
  return new Date(utcMonth(startsAt, month).getTime() + tick * 10 * DAY + (month === 0 && tick === 0 ? 60_000 : 0));
}

async function overviewOf(api: ApiClient, from: Date, to: Date): Promise<Record<string, number | string | null>> {
  const answer = await api.get<{ current: Record<string, number | string | null> }>(`${API}/analytics/overview?from=${isoDate(from)}&to=${isoDate(to)}&currency=IDR`, '/analytics/overview');
  if (answer.status !== 200) throw new Error(`GET /analytics/overview answered ${answer.status}`);
  return answer.body.current;
}
