import { cpus } from 'node:os';
import type { TBalancerBench } from './api/balancer-bench';
import type { TApiBench } from './api/run-api-bench';
import { refundTotalsHold } from './api/run-api-bench';
import type { TBillingRunBench } from './billing-run/billing-run-bench';
import type { TCouponContention } from './contention/coupon-contention';
import type { TCustomerSearch } from './customers/customer-search';
import type { TRefundContention } from './contention/refund-contention';
import { DEFAULT_BUDGET_BYTES, kB, type TBudgetCheck } from './console/bundle-budget';
import type { TWebVitals } from './console/measure-web-vitals';

export interface TVerdict {
  area: string;
  target: string;
  measured: string;
  pass: boolean;
  /** A correctness check (exact totals, no errors): the smoke run fails on these alone. */
  correctness: boolean;
}

export const TARGETS = {
  getRatio: 0.5,
  p99Ms: 50,
  refundsPerSecond: 300,
  lcpMs: 1500,
  /** 45,000 subscriptions in under 60 s (issue 14): 750 per second. */
  billingRunPerSecond: 750,
  /** Issue 17: GET /plans against the framework's own ceiling (the 401 answer) and the floor. */
  plansVsCeiling: 0.7,
  plansVsFloor: 0.25,
  plansP99VsFloorP99: 4,
  /** Issue 17: a 304 (GET /plans with If-None-Match) against the framework's 401 ceiling. */
  notModifiedVsCeiling: 0.8,
  /** Issue 17: refunds ≥ refundsPerSecond, or ≥ this × floor when the machine is loaded (1-min load ≥ its cores). */
  refundsVsFloorLoaded: 0.4,
  /** Issue 16: two instances behind nginx keep ≥ 90% of one instance's throughput. */
  balancerMinRatio: 0.9,
  /** Issue 13: the Customers page's search at 45,000 organizations, p95 of every case. */
  customerSearchMs: 50,
} as const;

export interface TBenchResults {
  api: TApiBench;
  balancer: TBalancerBench;
  refundContention: TRefundContention;
  couponContention: TCouponContention;
  billingRun: TBillingRunBench;
  bundles: TBudgetCheck[];
  webVitals: TWebVitals[];
  customerSearch: TCustomerSearch;
}

/** The API's targets (bench/api and the balancer row): what `npm run bench -- --api-only` checks. */
export function judgeApi(results: Pick<TBenchResults, 'api' | 'balancer'>): TVerdict[] {
  const verdicts: TVerdict[] = [];
  const add = (area: string, target: string, measured: string, pass: boolean, correctness = false) => verdicts.push({ area, target, measured, pass, correctness });
  const { api } = results;
  for (const row of api.rows) {
    if (row.id !== 'refund') add(row.label, `throughput ≥ ${TARGETS.getRatio} × floor`, `${row.ratio} × (${row.app.requestsPerSecond} vs ${row.floor.requestsPerSecond} req/s)`, row.ratio >= TARGETS.getRatio);
    if (row.id !== 'refund') add(row.label, `p99 < ${TARGETS.p99Ms} ms at ${api.connections} connections`, `${row.app.p99Ms} ms`, row.app.p99Ms < TARGETS.p99Ms);
    if (row.id === 'plans') {
      const vsCeiling = round2(row.app.requestsPerSecond / api.ceiling.requestsPerSecond);
      add(row.label, `throughput ≥ ${TARGETS.plansVsCeiling} × the framework's 401 ceiling`, `${vsCeiling} × (${row.app.requestsPerSecond} vs ${api.ceiling.requestsPerSecond} req/s)`, vsCeiling >= TARGETS.plansVsCeiling);
      add(row.label, `throughput ≥ ${TARGETS.plansVsFloor} × floor`, `${row.ratio} ×`, row.ratio >= TARGETS.plansVsFloor);
      add(row.label, `p99 ≤ ${TARGETS.plansP99VsFloorP99} × the floor's p99`, `${row.app.p99Ms} ms vs ${row.floor.p99Ms} ms (${round2(row.app.p99Ms / row.floor.p99Ms)} ×)`, row.app.p99Ms <= TARGETS.plansP99VsFloorP99 * row.floor.p99Ms);
    }
    if (row.id === 'refund') {
      const loaded = row.app.load >= cpus().length;
      const pass = row.app.requestsPerSecond >= TARGETS.refundsPerSecond || (loaded && row.ratio >= TARGETS.refundsVsFloorLoaded);
      add(row.label, `≥ ${TARGETS.refundsPerSecond} refunds/s, or ≥ ${TARGETS.refundsVsFloorLoaded} × floor when loaded (1-min load ≥ ${cpus().length})`, `${row.app.requestsPerSecond}/s, ${row.ratio} × floor, load ${row.app.load}`, pass);
    }
    add(row.label, 'zero errors (non-2xx, socket errors, timeouts)', `${row.app.errors} app, ${row.floor.errors} floor`, row.app.errors === 0 && row.floor.errors === 0, true);
  }
  const nm = api.notModified;
  const nmVsCeiling = round2(nm.requestsPerSecond / api.ceiling.requestsPerSecond);
  const area304 = 'GET /plans with If-None-Match (304)';
  add(area304, `throughput ≥ ${TARGETS.notModifiedVsCeiling} × the framework's 401 ceiling`, `${nmVsCeiling} × (${nm.requestsPerSecond} vs ${api.ceiling.requestsPerSecond} req/s)`, nmVsCeiling >= TARGETS.notModifiedVsCeiling);
  const only304 = Object.keys(nm.statusCounts).every((status) => status === '304') && Object.keys(nm.warmupStatusCounts).every((status) => status === '304');
  add(area304, 'every answer 304 (no socket errors or timeouts)', JSON.stringify(nm.statusCounts), only304 && nm.requests > 0, true);
  const r = api.refunds;
  add('POST /invoices/{id}/refund', 'totals: amount_refunded = Σ succeeded refunds ≤ amount_paid, one refund per 201',
    `${r.mismatched} mismatched, ${r.overRefunded} over-refunded, ${r.addedPending} pending added; ${r.created201} × 201 = ${r.addedInDatabase} refunds, Rp ${r.addedAmount}`, refundTotalsHold(r), true);
  for (const row of results.balancer.rows) {
    add(`${row.label}, nginx → two instances`, `≥ ${TARGETS.balancerMinRatio} × one instance's throughput (balancer overhead < 10%)`, `${row.ratio} × (${row.balanced.requestsPerSecond} vs ${row.single.requestsPerSecond} req/s)`, row.ratio >= TARGETS.balancerMinRatio);
    add(`${row.label}, nginx → two instances`, 'zero errors', `${row.balanced.errors} through nginx, ${row.single.errors} direct`, row.balanced.errors === 0 && row.single.errors === 0, true);
  }
  const bb = results.balancer;
  add('refunds through nginx', 'every 201 one succeeded refund, every invoice exact, both instances served',
    `${bb.refunds.created201} × 201 = ${bb.refunds.addedInDatabase} refunds; ${bb.refunds.mismatched} mismatched; per instance ${JSON.stringify(bb.perInstance)}`, bb.refunds.holds && Object.values(bb.perInstance).every((count) => count > 0), true);
  return verdicts;
}

/** Every target of the performance brief, and every correctness check, as PASS/FAIL rows. */
export function judge(results: TBenchResults): TVerdict[] {
  const verdicts = judgeApi(results);
  const add = (area: string, target: string, measured: string, pass: boolean, correctness = false) => verdicts.push({ area, target, measured, pass, correctness });
  const rc = results.refundContention;
  add(`${rc.concurrent} concurrent refunds, one invoice`, `exact totals: refunded = Σ 201 amounts = Σ succeeded rows ≤ paid, none pending; ${rc.expected201} × 201 unless load was shed (503)`,
    `${rc.statusCounts['201'] ?? 0} × 201, Σ Rp ${rc.answered201Total}, invoice Rp ${rc.invoiceRefunded}, rows Rp ${rc.succeededRowsTotal} of Rp ${rc.amountPaid}`, rc.holds, true);
  const cc = results.couponContention;
  add(`${cc.concurrent} concurrent redemptions, one coupon`, `current_uses = min(${cc.concurrent}, ${cc.maxUses}) = redemption rows`,
    `${cc.redeemed} redeemed, current_uses ${cc.currentUses}, ${cc.redemptionRows} rows`, cc.holds, true);
  const br = results.billingRun;
  add(`billing run over ${br.subscriptions} due subscriptions`, `≥ ${TARGETS.billingRunPerSecond} subscriptions/s (45,000 in < 60 s)`, `${br.perSecond}/s (${br.seconds} s, load ${br.loadAtStart} → ${br.loadAtEnd}, peak RSS ${br.maxRssMb} MB)`, br.perSecond >= TARGETS.billingRunPerSecond);
  add(`billing run over ${br.subscriptions} due subscriptions`, 'each invoiced exactly once, numbers gap-free in the month, none failed', br.detail, br.holds && br.failed === 0, true);
  for (const bundle of results.bundles) {
    add(`first-load JS ${bundle.route}`, `≤ ${kB(DEFAULT_BUDGET_BYTES)} gzip (aim)`, kB(bundle.gzipBytes), bundle.withinAim);
    if (bundle.budgetBytes > DEFAULT_BUDGET_BYTES) add(`first-load JS ${bundle.route}`, `≤ ${kB(bundle.budgetBytes)} gzip (allowance enforced by perf:bundle)`, kB(bundle.gzipBytes), bundle.withinBudget);
  }
  for (const vitals of results.webVitals) add(`LCP ${routeLabel(vitals.route)}`, `< ${TARGETS.lcpMs} ms (median)`, `${vitals.lcpMs} ms`, vitals.lcpMs < TARGETS.lcpMs);
  verdicts.push(...judgeCustomerSearch(results.customerSearch));
  return verdicts;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
/** The customer search rows (and the LCP of the pages given): `npm run bench:customers` prints these alone. */
export function judgeCustomers(search: TCustomerSearch, webVitals: TWebVitals[]): TVerdict[] {
  return [
    ...judgeCustomerSearch(search),
    ...webVitals.map((vitals) => ({ area: `LCP ${routeLabel(vitals.route)}`, target: `< ${TARGETS.lcpMs} ms (median)`, measured: `${vitals.lcpMs} ms`, pass: vitals.lcpMs < TARGETS.lcpMs, correctness: false })),
  ];
}

function judgeCustomerSearch(search: TCustomerSearch): TVerdict[] {
  const slowest = search.cases.reduce((worst, row) => (row.p95Ms > worst.p95Ms ? row : worst));
  const errors = search.cases.reduce((sum, row) => sum + row.errors, 0);
  const area = `GET /organizations (customer search, ${search.organizations.toLocaleString('en-US')} organizations)`;
  return [
    { area, target: `p95 < ${TARGETS.customerSearchMs} ms in each of ${search.cases.length} cases (${search.requestsPerCase} requests each, one at a time)`, measured: `worst ${slowest.p95Ms} ms (${slowest.label})`, pass: search.worstP95Ms < TARGETS.customerSearchMs, correctness: false },
    { area, target: 'zero errors', measured: `${errors} non-200`, pass: errors === 0, correctness: true },
  ];
}

/** `/customers/<uuid>` reads as the route it measures. */
const routeLabel = (route: string) => route.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, '[id]');
