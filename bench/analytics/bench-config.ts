/**
 * The two sizes of the analytics benchmark. `full` is the one docs/BENCHMARKS.md reports: about a
 * million invoices (45,000 tenants × 40 months gives ≈ 990k with the generator's mix); `smoke` is
 * the CI-sized run of the same code path, which only asserts that everything answered.
 */
export interface TBenchConfig {
  mode: 'full' | 'smoke';
  organizations: number;
  months: number;
  /** Timed requests per endpoint (and as many timed runs of its SQL baseline). */
  requests: number;
  /** Untimed rounds first: plans cached, pages in memory, connections open. */
  warmup: number;
  /** Where the production build lives; smoke reuses the one `npm test` just built. */
  distDir: string;
}

export const TARGET_RATIO = 1.5;
export const TARGET_MS = 300;

export function benchConfig(argv: readonly string[], env: NodeJS.ProcessEnv): TBenchConfig {
  const smoke = argv.includes('--smoke') || env.BENCH_SMOKE === '1';
  const requests = env.BENCH_REQUESTS ? Number(env.BENCH_REQUESTS) : undefined;
  if (requests !== undefined && !(Number.isInteger(requests) && requests > 0)) throw new Error('BENCH_REQUESTS must be a positive integer');
  if (smoke) {
    return { mode: 'smoke', organizations: 200, months: 3, requests: requests ?? 3, warmup: 1, distDir: env.NEXT_DIST_DIR || '.next' };
  }
  return {
    mode: 'full',
    organizations: Number(env.BENCH_ORGANIZATIONS ?? 45_000),
    months: Number(env.BENCH_MONTHS ?? 40),
    requests: requests ?? 25,
    warmup: 3,
    distDir: env.BENCH_DIST_DIR || '.next-bench',
  };
}
