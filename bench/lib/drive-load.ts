import autocannon from 'autocannon';
import { currentLoad } from './machine';

export interface TLoadSpec {
  origin: string;
  method: 'GET' | 'POST';
  /** Called once per request: the path (and body) of each request, e.g. a different invoice every time. */
  next: () => { path: string; body?: string };
  headers: Record<string, string>;
  connections: number;
  /** About how long the measured run lasts (its request count is fixed from the warm-up's rate). */
  seconds: number;
  /** Requests per connection in the unmeasured warm-up. */
  warmupRequestsPerConnection: number;
  /** The measured run's floor, whatever the warm-up's rate: a slow warm-up (cold JIT) must not shrink the sample. */
  minRequestsPerConnection: number;
  /** CPU ms used so far by the server under test and by PostgreSQL (bench/lib/process-cpu.ts). */
  cpu: { server: () => number; database: () => number };
  /** Called between the warm-up and the measured run (bench:profile starts the profiler there). */
  beforeMeasured?: () => Promise<void>;
}

export interface TLoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 2xx plus socket errors and timeouts: anything a client would see as failure. */
  errors: number;
  statusCounts: Record<string, number>;
  /** The warm-up's answers: not measured, but its refunds are real and count in the totals' check. */
  warmupStatusCounts: Record<string, number>;
  /** CPU ms per request of the server process tree, and of PostgreSQL, during the measured run. */
  serverCpuMs: number;
  databaseCpuMs: number;
  /** 1-minute load average when the measurement ended. */
  load: number;
}

/**
 * A fixed number of connections, each sending its next request as soon as the previous answer
 * arrives (closed loop), after an unmeasured warm-up of the same kind (JIT, connection pools,
 * PostgreSQL's caches). Both runs send a fixed number of requests and wait for every answer, so
 * no request is still running on the server when a run ends: the 201s counted are exactly the
 * refunds made. The measured run's count is the warm-up's rate × `seconds`.
 */
export async function driveLoad(spec: TLoadSpec): Promise<TLoadResult> {
  const { result: warmup, seconds: warmupSeconds } = await run(spec, spec.connections * spec.warmupRequestsPerConnection);
  const rate = warmup.requests.total / warmupSeconds;
  await spec.beforeMeasured?.();
  const cpuBefore = { server: spec.cpu.server(), database: spec.cpu.database() };
  const { result, seconds } = await run(spec, Math.max(spec.connections * spec.minRequestsPerConnection, Math.round(rate * spec.seconds)));
  const perRequest = (after: number, before: number) => Math.round(((after - before) / result.requests.total) * 100) / 100;
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round((result.requests.total / seconds) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    statusCounts: countsOf(result),
    warmupStatusCounts: countsOf(warmup),
    serverCpuMs: perRequest(spec.cpu.server(), cpuBefore.server),
    databaseCpuMs: perRequest(spec.cpu.database(), cpuBefore.database),
    load: currentLoad(),
  };
}

/**
 * One autocannon run and its true length: first request to last answer. autocannon's own
 * `duration` ends at its next one-second tick after the last answer, which would understate a
 * short run's rate by up to a second's worth.
 */
async function run(spec: TLoadSpec, amount: number): Promise<{ result: autocannon.Result; seconds: number }> {
  const options: autocannon.Options = {
    url: spec.origin,
    connections: spec.connections,
    amount,
    timeout: 30,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request) => {
          const { path, body } = spec.next();
          return body === undefined ? { ...request, path } : { ...request, path, body };
        },
      },
    ],
  };
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', () => {
      lastAnswerAt = performance.now();
    });
  });
  return { result, seconds: Math.max(0.001, (lastAnswerAt - startedAt) / 1000) };
}

function countsOf(result: autocannon.Result): Record<string, number> {
  return Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]));
}
