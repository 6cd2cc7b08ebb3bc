import type pg from 'pg';
import type { TBenchEndpoint } from './endpoints';

export interface TTimings {
  median: number;
  p95: number;
}

export interface TEndpointResult {
  endpoint: TBenchEndpoint;
  app: TTimings;
  sql: TTimings;
  /** Every status the endpoint answered with (all 200 when healthy). */
  statuses: number[];
  /** Rows the baseline statement returned, last run. */
  baselineRows: number;
  /** Figures where the app and the baseline disagree, `name: app ≠ sql`; empty when they agree. */
  mismatches: string[];
  /** The first non-200 body, to say why. */
  failure?: string;
}

/** The median and the 95th percentile (nearest rank) of a sample, in ms. */
export function timings(samples: readonly number[]): TTimings {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, p95: rank(0.95) };
}

/**
 * Times `requests` HTTP calls of the endpoint and as many runs of its baseline, alternating one
 * of each, so that a burst of load from the other engineers' builds on this shared machine hits
 * both sides alike. A call is timed from the request to the last byte of the body; a baseline run
 * from sending the statement to the last row received.
 */
export async function measureEndpoint(
  endpoint: TBenchEndpoint,
  options: { origin: string; bearer: string; sql: pg.Client; requests: number; warmup: number },
): Promise<TEndpointResult> {
  const url = new URL(endpoint.path, options.origin);
  for (const [key, value] of Object.entries(endpoint.query)) url.searchParams.set(key, value);
  const appSamples: number[] = [];
  const sqlSamples: number[] = [];
  const statuses: number[] = [];
  let body: unknown;
  let rows: Array<Record<string, unknown>> = [];
  let failure: string | undefined;

  for (let round = 0; round < options.warmup + options.requests; round++) {
    const measured = round >= options.warmup;
    let started = performance.now();
    const response = await fetch(url, { headers: { authorization: options.bearer } });
    const text = await response.text();
    if (measured) appSamples.push(performance.now() - started);
    statuses.push(response.status);
    if (response.status === 200) body = JSON.parse(text);
    else failure ??= `${response.status} ${text.slice(0, 300)}`;

    started = performance.now();
    ({ rows } = await options.sql.query(endpoint.baseline.text, endpoint.baseline.values));
    if (measured) sqlSamples.push(performance.now() - started);
  }

  return {
    endpoint,
    app: timings(appSamples),
    sql: timings(sqlSamples),
    statuses,
    baselineRows: rows.length,
    mismatches: body === undefined ? [] : compareFigures(endpoint.appFigures(body), endpoint.sqlFigures(rows)),
    failure,
  };
}

function compareFigures(app: Record<string, number>, sql: Record<string, number>): string[] {
  // Sums of money are compared to the cent: both sides add the same rounded amounts.
  const same = (a: number, b: number) => Math.abs(a - b) < 0.005;
  return Object.keys(app).filter((name) => !same(app[name]!, sql[name]!)).map((name) => `${name}: ${app[name]} ≠ ${sql[name]}`);
}
