import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { freePort } from '../../lib/db/free-port';
import { withServerNodeOptions } from '../../scripts/lib/server-node-options';

export interface TRunningServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

interface TAppServerOptions {
  distDir: string;
  databaseUrl: string;
  /** The app's request log (one JSON line per request, as in production) goes here, not to the terminal. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/** `next start` of the production build in `distDir`, in its own process group, ready to serve. */
export async function startAppServer(options: TAppServerOptions): Promise<TRunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: withServerNodeOptions({
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: 'bench-session-secret-0123456789abcdef',
      NEXTAUTH_URL: origin,
      // Every benchmark request uses one API key: the per-key limit (600/min by default) would turn
      // the load into 429s. The limiter still runs and counts, so its cost is in the figures.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...options.env,
    }),
  });
  const log = createWriteStream(options.logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitUntilServing(`${origin}/login`, child);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { origin, pid: child.pid!, stop: () => stopGroup(child) };
}

/** Polls `url` until it answers (any status) or the process dies; 120 s at most. */
export async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before serving ${url}`);
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within 120 s`);
}

/** SIGTERM to the child's process group (Next starts workers), then wait for it to exit. */
export function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
