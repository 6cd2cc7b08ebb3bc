import pg from 'pg';

/** How long opening one connection may take: a black-holed server answers nothing at all. */
export const CONNECT_TIMEOUT_MS = 3_000;
/** After a server could not be reached, new connections to it fail at once for this long. */
export const FAIL_FAST_MS = 2_000;

const unreachableUntil = new Map<string, number>();

/**
 * The pool's connection class (pg-pool's `Client` option), for two things pg-pool alone cannot
 * do. It bounds opening a connection (3 s) apart from waiting for a pooled one (10 s, lib/db.ts):
 * pg-pool uses one setting for both, and 10 s of silence from a dead server is a hung request.
 * And when a server let a connect time out, new connections to it fail at once for FAIL_FAST_MS:
 * requests queued behind the pool's other doomed attempts get their 503 then, instead of each
 * waiting out a timeout of its own. A refused connection (server down, host up) fails in
 * microseconds anyway, so it opens no such window and a restarted server is used at once.
 * Connections already open are untouched; pg-pool drops the ones that break.
 */
export class FailFastClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS } : { ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }

  override connect(): Promise<pg.Client>;
  override connect(callback: (err: Error) => void): void;
  override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
    if (!callback) return new Promise((resolve, reject) => this.connect((err) => (err ? reject(err) : resolve(this))));
    const server = `${this.host}:${this.port}`;
    if (Date.now() < (unreachableUntil.get(server) ?? 0)) {
      process.nextTick(() => callback(socketError('ECONNREFUSED', server, `let a connection time out moments ago; trying again after ${FAIL_FAST_MS} ms`)));
      return;
    }
    super.connect((err: Error) => {
      // pg's own connect timeout, in words Prisma and isDatabaseUnavailable understand.
      const timedOut = err?.message === 'timeout expired';
      if (timedOut) unreachableUntil.set(server, Date.now() + FAIL_FAST_MS);
      else if (!err) unreachableUntil.delete(server);
      callback(timedOut ? socketError('ETIMEDOUT', server, `did not answer within ${CONNECT_TIMEOUT_MS} ms`) : err);
    });
  }
}

/** Shaped like Node's own socket errors, which @prisma/adapter-pg maps to "Can't reach database server" (P1001). */
function socketError(code: 'ECONNREFUSED' | 'ETIMEDOUT', server: string, detail: string): Error {
  const errno = code === 'ECONNREFUSED' ? -111 : -110;
  return Object.assign(new Error(`connect ${code} ${server}: the database ${detail}`), { code, errno, syscall: 'connect' });
}
