import { type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildProduction } from '../../bench/lib/production-build';
import { buildIsStale } from './build-freshness';

/**
 * The production build in .next, reused when current (npm test builds it just before the
 * scale-out steps), built otherwise. With output: 'standalone' the same build also holds the
 * container's server.
 */
export async function ensureProductionBuild(log: (line: string) => void): Promise<void> {
  if (existsSync('.next/standalone/server.js') && !(await buildIsStale('.next/BUILD_ID'))) return;
  log('building the production bundle (next build)…');
  await buildProduction('.next', (line) => console.error(line));
}

/** A throwaway directory the postgres and nobody users can traverse (as root, mkdtemp makes it 0700). */
export function scratchDirectory(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(root, 0o755);
  return root;
}

/** Sends `signal` to a server we started and waits for it to exit (PostgreSQL and PgBouncer: SIGINT; nginx: SIGQUIT). */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
