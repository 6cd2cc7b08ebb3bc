import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { freePort } from '../../lib/db/free-port';
import { buildIsStale } from '../../scripts/lib/build-freshness';
import { withServerNodeOptions } from '../../scripts/lib/server-node-options';

const NEXT_BIN = 'node_modules/.bin/next';

export interface TAppServer {
  origin: string;
  stop(): Promise<void>;
}

/**
 * `next build` into `distDir` when it has no build or sources changed since (BENCH_SKIP_BUILD=1
 * keeps whatever is there). Next adds the new directory's type folders to tsconfig.json when
 * distDir is not `.next`; that addition is taken out again, keeping anyone else's edits.
 */
export async function ensureProductionBuild(distDir: string, log: (message: string) => void): Promise<void> {
  const built = existsSync(`${distDir}/BUILD_ID`);
  if (built && (process.env.BENCH_SKIP_BUILD === '1' || !(await buildIsStale(`${distDir}/BUILD_ID`)))) {
    log(`using the production build in ${distDir}/`);
    return;
  }
  log(`next build → ${distDir}/ (1–3 minutes on 2 cores)…`);
  const before = await readFile('tsconfig.json', 'utf8');
  try {
    await run(NEXT_BIN, ['build'], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' });
  } finally {
    await removeTsconfigInclude(before, distDir);
  }
}

/** Refuses to run against a missing build (smoke reuses the one `npm test` makes). */
export function requireProductionBuild(distDir: string): void {
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No production build in ${distDir}/: run \`npx next build\` first.`);
}

/** `next start` on a free port with the benchmark's database, in its own process group; resolves once it serves. */
export async function startAppServer(options: { distDir: string; databaseUrl: string; logFile: string }): Promise<TAppServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: withServerNodeOptions({
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: 'bench-analytics-session-secret-0123456789',
      NEXTAUTH_URL: origin,
    }),
  });
  // The request log (one JSON line per request, as in production) goes to a file, not the terminal.
  const log = createWriteStream(options.logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  try {
    await waitUntilServing(`${origin}/login`, child);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { origin, stop: () => stopGroup(child) };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before serving ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

/** SIGTERM to the process group (Next starts workers), SIGKILL after 10 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    kill('SIGTERM');
  });
}

async function removeTsconfigInclude(before: string, distDir: string): Promise<void> {
  const now = await readFile('tsconfig.json', 'utf8');
  if (now === before) return;
  const parsed = JSON.parse(now) as { include?: string[] };
  parsed.include = parsed.include?.filter((entry) => !entry.startsWith(`${distDir}/`));
  // When Next's addition was the only change, put the file back byte for byte (Next reformats it).
  await writeFile('tsconfig.json', isDeepStrictEqual(parsed, JSON.parse(before)) ? before : `${JSON.stringify(parsed, null, 2)}\n`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
