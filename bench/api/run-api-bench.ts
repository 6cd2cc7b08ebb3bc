import { driveLoad, type TLoadResult } from '../lib/drive-load';
import { processTreeCpuMs } from '../lib/process-cpu';
import type { TRunningServer } from '../lib/app-server';
import type { TBenchData } from '../lib/prepare-data';
import { apiScenarios, REFUND_AMOUNT, scenarioRequests, type TApiScenario } from './api-scenarios';
import { verifyRefundTotals, type TRefundTotals } from './verify-refund-totals';

const PLANS = '/api/v1/admin/billing/plans';

export interface TApiRow {
  id: TApiScenario['id'];
  label: string;
  app: TLoadResult;
  floor: TLoadResult;
  /** app requests/s ÷ floor requests/s. */
  ratio: number;
  /** app CPU per request ÷ floor CPU per request (server and PostgreSQL together). */
  cpuRatio: number;
}

export interface TApiBench {
  connections: number;
  seconds: number;
  rows: TApiRow[];
  /**
   * The app answering GET /plans without credentials: 401 from the route's guard before any
   * database work. What Next.js, the proxy and the route wrapper cost on their own on this
   * machine — a ceiling no endpoint that also queries can pass.
   */
  ceiling: TLoadResult;
  /**
   * The app answering GET /plans with the API key and If-None-Match naming the current ETag: 304
   * after authentication, the rate-limit count and the plans' version (lib/http/conditional-get.ts),
   * without reading the plans. Issue 17: ≥ 0.8 × the ceiling.
   */
  notModified: TLoadResult;
  refunds: TRefundTotals & {
    /** 201s the load generator saw (measured runs and warm-ups, app and floor). */
    created201: number;
    /** Succeeded refunds the runs added to the database. */
    addedInDatabase: number;
    /** Rupiah the runs added to amount_refunded, which must be created201 × REFUND_AMOUNT. */
    addedAmount: number;
    /** Pending refunds the runs added (the generated history has none; the runs must add none). */
    addedPending: number;
  };
}

export interface TApiBenchOptions {
  app: TRunningServer;
  floor: TRunningServer;
  databaseUrl: string;
  postmasterPid: () => number;
  data: TBenchData;
  connections: number;
  seconds: number;
  warmupRequestsPerConnection: number;
  minRequestsPerConnection: number;
  log: (line: string) => void;
}

/**
 * Each endpoint against the app, then the floor (the order alternates per endpoint, so neither
 * always runs on a warmer or a quieter machine), at the same fixed concurrency. Afterwards the
 * refund totals are checked in SQL against what the load generator was told.
 */
export async function runApiBench(options: TApiBenchOptions): Promise<TApiBench> {
  const before = await verifyRefundTotals(options.databaseUrl);
  const rows: TApiRow[] = [];
  let created201 = 0;
  for (const [index, scenario] of apiScenarios(options.data).entries()) {
    const servers = index % 2 === 0 ? (['app', 'floor'] as const) : (['floor', 'app'] as const);
    const results: Partial<Record<'app' | 'floor', TLoadResult>> = {};
    for (const which of servers) {
      const result = await driveLoad({
        origin: options[which].origin,
        ...scenarioRequests(scenario, options.data.apiKey),
        connections: options.connections,
        seconds: options.seconds,
        warmupRequestsPerConnection: options.warmupRequestsPerConnection,
        minRequestsPerConnection: options.minRequestsPerConnection,
        cpu: { server: () => processTreeCpuMs(options[which].pid), database: () => processTreeCpuMs(options.postmasterPid()) },
      });
      options.log(`${scenario.label} [${which}]: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}, CPU/request ${result.serverCpuMs} ms server + ${result.databaseCpuMs} ms PostgreSQL (load ${result.load})`);
      results[which] = result;
      if (scenario.id === 'refund') created201 += (result.statusCounts['201'] ?? 0) + (result.warmupStatusCounts['201'] ?? 0);
    }
    const app = results.app!;
    const floor = results.floor!;
    const cpuRatio = (app.serverCpuMs + app.databaseCpuMs) / (floor.serverCpuMs + floor.databaseCpuMs);
    rows.push({ id: scenario.id, label: scenario.label, app, floor, ratio: Math.round((app.requestsPerSecond / floor.requestsPerSecond) * 100) / 100, cpuRatio: Math.round(cpuRatio * 10) / 10 });
  }
  const after = await verifyRefundTotals(options.databaseUrl);
  const plansOnApp = (headers: Record<string, string>) =>
    driveLoad({
      origin: options.app.origin,
      method: 'GET',
      next: () => ({ path: PLANS }),
      headers,
      connections: options.connections,
      seconds: options.seconds,
      warmupRequestsPerConnection: options.warmupRequestsPerConnection,
      minRequestsPerConnection: options.minRequestsPerConnection,
      cpu: { server: () => processTreeCpuMs(options.app.pid), database: () => processTreeCpuMs(options.postmasterPid()) },
    });
  const ceiling = await plansOnApp({});
  options.log(`GET /plans without credentials (401, no database) [app]: ${ceiling.requestsPerSecond} req/s, p50 ${ceiling.p50Ms} ms, p99 ${ceiling.p99Ms} ms, CPU/request ${ceiling.serverCpuMs} ms (load ${ceiling.load})`);
  const authorization = `Bearer ${options.data.apiKey}`;
  const etag = (await fetch(`${options.app.origin}${PLANS}`, { headers: { authorization } })).headers.get('etag');
  if (!etag) throw new Error('GET /plans answered without an ETag');
  const notModified = await plansOnApp({ authorization, 'if-none-match': etag });
  options.log(`GET /plans with If-None-Match (304) [app]: ${notModified.requestsPerSecond} req/s, p50 ${notModified.p50Ms} ms, p99 ${notModified.p99Ms} ms, ${JSON.stringify(notModified.statusCounts)}, CPU/request ${notModified.serverCpuMs} ms server + ${notModified.databaseCpuMs} ms PostgreSQL (load ${notModified.load})`);
  return {
    connections: options.connections,
    seconds: options.seconds,
    rows,
    ceiling,
    notModified,
    refunds: {
      ...after,
      created201,
      addedInDatabase: after.succeeded - before.succeeded,
      addedAmount: Number(after.refundedTotal) - Number(before.refundedTotal),
      addedPending: after.pending - before.pending,
    },
  };
}

/** The refund runs' correctness: every 201 is one succeeded refund of REFUND_AMOUNT, and the invoices add up. */
export function refundTotalsHold(refunds: TApiBench['refunds']): boolean {
  return (
    refunds.mismatched === 0 &&
    refunds.overRefunded === 0 &&
    refunds.addedPending === 0 &&
    refunds.addedInDatabase === refunds.created201 &&
    refunds.addedAmount === refunds.created201 * REFUND_AMOUNT
  );
}
