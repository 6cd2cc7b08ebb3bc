import type { TSimFetch } from './keep-alive-fetch';

/**
 * The simulation's only door into the product: HTTP to the running server with an API key
 * (over kept-alive connections: keep-alive-fetch.ts). Every POST carries an Idempotency-Key; the callers retry a
 * deterministic 5% of them with the same key, and the retry must be a replay — same status, same
 * bytes, `Idempotent-Replayed: true` — or it is an invariant failure ("a retried request changed
 * something"). 5xx answers are failures too: bad input is 4xx, never 500.
 */
export const API = '/api/v1/admin/billing';

export interface TApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface TApiStats {
  requests: number;
  retries: number;
  byStatus: Map<number, number>;
  byRoute: Map<string, number>;
  /** Milliseconds spent waiting for each route's answers. */
  msByRoute: Map<string, number>;
  /** 503 answers waited out and sent again. */
  unavailableRetries: number;
}

export class ApiClient {
  readonly stats: TApiStats = { requests: 0, retries: 0, byStatus: new Map(), byRoute: new Map(), msByRoute: new Map(), unavailableRetries: 0 };
  /** Broken promises of the API: 5xx answers and retries that were not replays, each naming what to reproduce. */
  readonly failures: string[] = [];
  private keys = 0;

  constructor(
    readonly origin: string,
    private readonly bearer: string,
    private readonly keyPrefix: string,
    /** HTTP by default; the route handlers in-process for the seed (scripts/lib/simulate/target.ts). */
    private readonly fetch: TSimFetch,
  ) {}

  get<T>(path: string, route = path): Promise<TApiAnswer<T>> {
    return this.send<T>('GET', path, undefined, undefined, route).then(({ answer }) => answer);
  }

  /** A POST with a fresh Idempotency-Key; `retry` sends it once more with the same key and checks the replay. */
  async post<T>(path: string, body: unknown, options: { retry?: boolean; route?: string } = {}): Promise<TApiAnswer<T>> {
    const key = `${this.keyPrefix}-${++this.keys}`;
    const route = options.route ?? path;
    const first = await this.send<T>('POST', path, body, key, route);
    if (options.retry) {
      this.stats.retries++;
      const again = await this.send<T>('POST', path, body, key, route);
      const replayed = again.headers.get('idempotent-replayed') === 'true';
      if (again.answer.status !== first.answer.status || again.text !== first.text || !replayed) {
        this.failures.push(`retried request changed something: POST ${path} Idempotency-Key ${key}: first ${first.answer.status} ${first.text.slice(0, 200)}, retry ${again.answer.status} (replayed: ${replayed}) ${again.text.slice(0, 200)}`);
      }
    }
    return first.answer;
  }

  private async send<T>(method: string, path: string, body: unknown, key: string | undefined, route: string) {
    // Uncompressed: on one machine, gzip only costs the server and the simulator CPU (a quarter of the simulator's).
    const headers: Record<string, string> = { authorization: `Bearer ${this.bearer}`, 'accept-encoding': 'identity' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    const sentAt = performance.now();
    let response = await this.fetch(`${this.origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    // 503 says "retry shortly" (the database pool is saturated): a client waits and sends the same
    // request again, with the same Idempotency-Key, as any API client should.
    for (let attempt = 1; response.status === 503 && attempt <= 6; attempt++) {
      await response.text();
      this.stats.unavailableRetries++;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      response = await this.fetch(`${this.origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }
    const text = await response.text();
    this.stats.requests++;
    this.stats.byStatus.set(response.status, (this.stats.byStatus.get(response.status) ?? 0) + 1);
    const label = `${method} ${route}`;
    this.stats.byRoute.set(label, (this.stats.byRoute.get(label) ?? 0) + 1);
    this.stats.msByRoute.set(label, (this.stats.msByRoute.get(label) ?? 0) + performance.now() - sentAt);
    if (response.status >= 500) this.failures.push(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { answer: { status: response.status, body: parsed as T }, text, headers: response.headers };
  }
}
