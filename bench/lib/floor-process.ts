import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { freePort } from '../../lib/db/free-port';
import { stopGroup, waitUntilServing, type TRunningServer } from './app-server';

/** bench/api/floor-server.ts in its own process (its own event loop, like `next start`). */
export async function startFloorServer(databaseUrl: string, logFile: string): Promise<TRunningServer> {
  const port = await freePort();
  const child = spawn('node_modules/.bin/tsx', ['bench/api/floor-server.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${origin}/`, child);
  return { origin, pid: child.pid!, stop: () => stopGroup(child) };
}
