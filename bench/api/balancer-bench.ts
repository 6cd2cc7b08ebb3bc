import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { scratchDirectory } from '../../scripts/lib/test-harness';
import { startNginx } from '../../tests/cluster/nginx';
import type { TRunningServer } from '../lib/app-server';
import { driveLoad, type TLoadResult } from '../lib/drive-load';
import { processTreeCpuMs } from '../lib/process-cpu';
import { apiScenarios, scenarioRequests } from './api-scenarios';
import type { TApiBenchOptions } from './run-api-bench';
import { verifyRefundTotals } from './verify-refund-totals';

export interface TBalancerRow {
  id: 'plans' | 'refund';
  label: string;
  /** One instance, addressed directly. */
  single: TLoadResult;
  /** Two instances behind nginx (round robin, keep-alive upstreams), addressed through it. */
  balanced: TLoadResult;
  /** balanced req/s ÷ single req/s: below 1 by the balancer's overhead (2 cores: no gain expected). */
  ratio: number;
}

export interface TBalancerBench {
  rows: TBalancerRow[];
  /** Requests each instance served through the balancer (nginx's access log). */
  perInstance: Record<string, number>;
  /** Refund runs: every 201 one succeeded refund of Rp 1, every invoice's totals exact. */
  refunds: { created201: number; addedInDatabase: number; mismatched: number; overRefunded: number; holds: boolean };
}

export interface TBalancerBenchOptions extends Pick<TApiBenchOptions, 'app' | 'databaseUrl' | 'data' | 'connections' | 'seconds' | 'warmupRequestsPerConnection' | 'minRequestsPerConnection' | 'log'> {
  /** Starts a second instance beside `app` (the instance the API bench measured). */
  startSecond: () => Promise<TRunningServer>;
}

/**
 * Issue 16's two-instance row: GET /plans and refunds through Debian's nginx in front of two
 * instances (the balancer of `npm run test:cluster`, tests/cluster/nginx.ts) against one instance
 * directly, at the same concurrency, alternating which goes first. On a 2-core machine two
 * instances cannot add throughput; the ratio shows what the extra hop costs.
 */
export async function runBalancerBench(options: TBalancerBenchOptions): Promise<TBalancerBench> {
  const nginxBinary = execFileSync('bash', ['scripts/ensure-debian-package.sh', 'nginx', 'nginx-light'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const second = await options.startSecond();
  const dir = scratchDirectory('billing-bench-nginx-');
  const upstreams = [options.app, second].map((server) => new URL(server.origin).host);
  const balancer = await startNginx({ dir: path.join(dir, 'nginx'), upstreams, binary: nginxBinary });
  const before = await verifyRefundTotals(options.databaseUrl);
  let created201 = 0;
  try {
    const rows: TBalancerRow[] = [];
    const scenarios = apiScenarios(options.data).filter((scenario): scenario is typeof scenario & { id: TBalancerRow['id'] } => scenario.id === 'plans' || scenario.id === 'refund');
    // The first instance is warm from the API bench before this; the second has just started. Give
    // it the same traffic first (its JIT and pool), so the rows compare warm instances.
    for (const scenario of scenarios) {
      const warmup = await driveLoad({
        origin: second.origin,
        ...scenarioRequests(scenario, options.data.apiKey),
        connections: options.connections,
        seconds: Math.min(5, options.seconds),
        warmupRequestsPerConnection: options.warmupRequestsPerConnection,
        minRequestsPerConnection: 1,
        cpu: { server: () => processTreeCpuMs(second.pid), database: () => 0 },
      });
      if (scenario.id === 'refund') created201 += (warmup.statusCounts['201'] ?? 0) + (warmup.warmupStatusCounts['201'] ?? 0);
      options.log(`${scenario.label} [second instance, warm-up]: ${warmup.requestsPerSecond} req/s (load ${warmup.load})`);
    }
    for (const [index, scenario] of scenarios.entries()) {
      const results: Partial<Record<'single' | 'balanced', TLoadResult>> = {};
      for (const which of index % 2 === 0 ? (['single', 'balanced'] as const) : (['balanced', 'single'] as const)) {
        const origin = which === 'single' ? options.app.origin : balancer.origin;
        const result = await driveLoad({
          origin,
          ...scenarioRequests(scenario, options.data.apiKey),
          connections: options.connections,
          seconds: options.seconds,
          warmupRequestsPerConnection: options.warmupRequestsPerConnection,
          minRequestsPerConnection: options.minRequestsPerConnection,
          cpu: { server: () => processTreeCpuMs(options.app.pid) + (which === 'balanced' ? processTreeCpuMs(second.pid) : 0), database: () => 0 },
        });
        options.log(`${scenario.label} [${which === 'single' ? 'one instance' : 'nginx → two instances'}]: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors} (load ${result.load})`);
        if (scenario.id === 'refund') created201 += (result.statusCounts['201'] ?? 0) + (result.warmupStatusCounts['201'] ?? 0);
        results[which] = result;
      }
      rows.push({ id: scenario.id, label: scenario.label, single: results.single!, balanced: results.balanced!, ratio: Math.round((results.balanced!.requestsPerSecond / results.single!.requestsPerSecond) * 100) / 100 });
    }
    const after = await verifyRefundTotals(options.databaseUrl);
    const perInstance = Object.fromEntries(upstreams.map((upstream) => [upstream, balancer.accessLog().filter((entry) => entry.upstream === upstream).length]));
    const addedInDatabase = after.succeeded - before.succeeded;
    const holds = after.mismatched === 0 && after.overRefunded === 0 && addedInDatabase === created201 && Number(after.refundedTotal) - Number(before.refundedTotal) === created201;
    return { rows, perInstance, refunds: { created201, addedInDatabase, mismatched: after.mismatched, overRefunded: after.overRefunded, holds } };
  } finally {
    await balancer.stop();
    await second.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
