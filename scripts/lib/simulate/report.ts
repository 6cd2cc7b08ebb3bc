import type { TSimulationOptions, TSimulationResult } from './run-simulation';

/** The final report: what happened, how fast, and every broken rule. */
export function printReport(result: TSimulationResult, options: TSimulationOptions, log: (line: string) => void): void {
  log(`simulated ${result.startsAt.slice(0, 10)} → ${result.endsAt.slice(0, 10)} in ${result.seconds.toFixed(1)} s`);
  log(`${result.requests} requests (${result.retries} retried with the same Idempotency-Key or webhook redelivered), ${(result.requests / result.seconds).toFixed(0)} requests/s`);
  if (result.unavailableRetries) log(`${result.unavailableRetries} answers were 503 (database busy) and were sent again after a pause`);
  log(`statuses: ${Object.entries(result.byStatus).sort(([a], [b]) => Number(a) - Number(b)).map(([status, count]) => `${status}×${count}`).join(', ')}`);
  const perMonth = result.monthSeconds.map((seconds) => seconds.toFixed(1));
  const mean = result.monthSeconds.reduce((sum, seconds) => sum + seconds, 0) / Math.max(1, result.monthSeconds.length);
  log(`time per simulated month: mean ${mean.toFixed(1)} s (${perMonth.join(', ')} s); ${options.tenants} tenants`);
  const perRequest = (ms: number) => (ms / Math.max(1, result.requests)).toFixed(1);
  log(`CPU per request: server ${perRequest(result.cpuMs.server)} ms, PostgreSQL ${perRequest(result.cpuMs.database)} ms, simulator ${perRequest(result.cpuMs.client)} ms (${((result.cpuMs.server + result.cpuMs.database + result.cpuMs.client) / 1000 / result.seconds).toFixed(2)} cores busy on average); simulator peak memory ${result.clientMaxRssMb.toFixed(0)} MB`);
  log(`time by phase: ${Object.entries(result.phases).map(([phase, figures]) => `${phase} ${figures.seconds.toFixed(1)} s`).join(', ')}`);
  for (const [phase, { seconds, requests, cpuMs }] of Object.entries(result.phases)) {
    const cpu = result.cpuMs.server > 0 && requests > 0 ? `; CPU per request: server ${(cpuMs.server / requests).toFixed(1)} ms, PostgreSQL ${(cpuMs.database / requests).toFixed(1)} ms` : '';
    log(`  ${phase}: ${requests} requests in ${seconds.toFixed(1)} s (${(requests / Math.max(seconds, 0.001)).toFixed(0)}/s)${cpu}`);
  }
  log(`slowest routes (requests × mean): ${result.routes.slice(0, 6).map((route) => `${route.route} ${route.requests} × ${route.meanMs.toFixed(0)} ms`).join(', ')}`);
  for (const [action, count] of Object.entries(result.counts).sort(([a], [b]) => a.localeCompare(b))) log(`  ${action}: ${count}`);
  if (result.failures.length === 0) {
    log('every invariant held, after every month and at the end');
    return;
  }
  log(`${result.failures.length} invariant failure(s):`);
  for (const failure of result.failures) console.error(`  ✗ ${failure}`);
}
