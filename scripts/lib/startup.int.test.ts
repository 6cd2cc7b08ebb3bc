import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/db/free-port';
import { runTsx } from '../../tests/integration/run-tsx';
import { startupErrors } from '../../lib/db/startup-error';

/**
 * `npm start` (scripts/start.ts, a real process) refuses a port it cannot use with one sentence on
 * stderr and exit code 1: no stack, nothing started, nothing left behind.
 */
let stateDir: string;
const blockers: Server[] = [];

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'start-errors-'));
  await chmod(stateDir, 0o755);
});

afterAll(async () => {
  await Promise.all(blockers.map((blocker) => new Promise((resolve) => blocker.close(resolve))));
  await rm(stateDir, { recursive: true, force: true });
});

/** A port something else listens on, on `host` (none: every address). */
async function takenPort(host?: string): Promise<number> {
  const port = await freePort();
  const blocker = createServer((socket) => socket.destroy());
  blockers.push(blocker);
  await new Promise<void>((resolve) => blocker.listen(port, host, resolve));
  return port;
}

function npmStart(env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, STATE_DIR: stateDir, SKIP_BUILD: 'true', ...env };
  delete childEnv.DATABASE_URL;
  return runTsx(['scripts/start.ts'], { env: childEnv });
}

describe('npm start with a port taken', () => {
  it('the HTTP port (PORT): one sentence naming it and PORT, exit 1, before the database is started', async () => {
    const port = await takenPort();
    const result = await npmStart({ PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(result.stderr).toBe(`[start] ${startupErrors.httpPortTaken(port).message}\n`);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(stateDir, 'postgres'))).toBe(false);
  }, 60_000);

  it('the embedded PostgreSQL port (EMBEDDED_PG_PORT): one sentence naming it and EMBEDDED_PG_PORT, exit 1', async () => {
    const pgPort = await takenPort('127.0.0.1');
    const result = await npmStart({ PORT: String(await freePort()), EMBEDDED_PG_PORT: String(pgPort) });
    expect(result.stderr).toBe(`[start] ${startupErrors.pgPortTaken(pgPort).message}\n`);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(stateDir, 'postgres'))).toBe(false);
  }, 60_000);
});

describe('npm start with the test clock', () => {
  it('TEST_CLOCK=true over a DATABASE_URL: one sentence, exit 1, nothing started; TEST_CLOCK_ALLOW_EXTERNAL=true lets it past that check', async () => {
    const external = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), TEST_CLOCK: 'true' };
    const refused = await runTsx(['scripts/start.ts'], { env: { ...process.env, STATE_DIR: stateDir, SKIP_BUILD: 'true', ...external, DATABASE_URL: 'postgresql://billing@db.example.invalid:5432/billing' } });
    expect(refused.stderr).toBe(`[start] ${startupErrors.testClockExternal().message}\n`);
    expect(refused.code).toBe(1);
    // Allowed: it goes on to the database, which does not exist here (a different failure, after the check).
    const allowed = await runTsx(['scripts/start.ts'], { env: { ...process.env, STATE_DIR: stateDir, SKIP_BUILD: 'true', ...external, TEST_CLOCK_ALLOW_EXTERNAL: 'true', DATABASE_URL: 'postgresql://billing@127.0.0.1:1/billing' } });
    expect(allowed.stderr).not.toContain('TEST_CLOCK=true moves the billing clock');
    expect(allowed.code).not.toBe(0);
  }, 60_000);
});
