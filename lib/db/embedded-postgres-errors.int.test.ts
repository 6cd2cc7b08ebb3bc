import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { freePort } from './free-port';
import { installRuntime, packagedRuntime } from './pg-runtime';
import { StartupError, startupErrors } from './startup-error';

/**
 * Each reason the embedded PostgreSQL cannot start is refused with its one sentence (a
 * StartupError, which the scripts print alone and exit 1 with), on real directories, ports and
 * servers. As root, where the tests run: PostgreSQL then runs as the `postgres` user.
 */
let root: string;
const started: EmbeddedDatabase[] = [];

beforeAll(async () => {
  expect(process.getuid?.()).toBe(0);
  root = await mkdtemp(path.join(tmpdir(), 'pg-errors-'));
  await chmod(root, 0o755);
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
  await rm(root, { recursive: true, force: true });
});

async function start(dataDir: string, port?: number, runtimeRoot?: string): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedPostgres({ dataDir, port: port ?? (await freePort()), database: 'postgres', runtimeRoot });
  started.push(server);
  return server;
}

/** The StartupError `start` rejects with (failing the test if it resolves or throws anything else). */
async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => new Error('it started'), (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StartupError);
  return (error as StartupError).message;
}

async function answer(server: EmbeddedDatabase): Promise<number> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<{ answer: number }>('SELECT 6 * 7 AS answer')).rows[0]!.answer;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL start-up errors', () => {
  it('a port taken: names the port and EMBEDDED_PG_PORT, before touching the data directory', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const dataDir = path.join(root, 'port-taken');
      expect(await refusal(start(dataDir, port))).toBe(startupErrors.pgPortTaken(port).message);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('a data directory a running server holds: names its PID; a stale lock (dead or unrelated PID) does not stop a start', async () => {
    const dataDir = path.join(root, 'locked');
    const server = await start(dataDir);
    expect(await refusal(start(dataDir))).toBe(startupErrors.locked(dataDir, server.pid).message);
    expect(await answer(server)).toBe(42); // the running one is untouched
    await server.stop();

    // A crash or a reboot leaves postmaster.pid behind, naming a process that is gone…
    const gone = spawnSync('true').pid!;
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${gone}\n${dataDir}\n`);
    const afterCrash = await start(dataDir);
    expect(await answer(afterCrash)).toBe(42);
    await afterCrash.stop();

    // …or a PID that some other program now has.
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    const afterReuse = await start(dataDir);
    expect(await answer(afterReuse)).toBe(42);
  }, 120_000);

  it('a data directory of another PostgreSQL major version: names both and EMBEDDED_PG_DIR', async () => {
    const dataDir = path.join(root, 'old-major');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'PG_VERSION'), '15\n');
    const major = (await packagedRuntime()).version.split('.')[0]!;
    expect(await refusal(start(dataDir))).toBe(startupErrors.versionMismatch(dataDir, '15', major).message);
    expect(await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).toBe('15\n');
  });

  it('binaries or data behind a private (0700) directory: names it and the setting that moves them, and chmods nothing', async () => {
    const privateDir = path.join(root, 'private');
    await mkdir(privateDir, { mode: 0o700 });
    await chmod(privateDir, 0o700);
    const runtimeRoot = path.join(privateDir, 'pg-runtime');
    expect(await refusal(start(path.join(root, 'data-ok'), undefined, runtimeRoot))).toBe(
      startupErrors.unreachable("PostgreSQL's binaries in", runtimeRoot, privateDir, 0o700).message,
    );
    const dataDir = path.join(privateDir, 'postgres');
    const message = await refusal(start(dataDir));
    expect(message).toBe(startupErrors.unreachable('the data directory', dataDir, privateDir, 0o700).message);
    expect(message).toContain('EMBEDDED_PG_DIR or STATE_DIR');
    expect(existsSync(dataDir)).toBe(false);
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
  });

  it('a server binary the postgres user may not execute: names it (EACCES), never an unhandled error event', async () => {
    const runtimeRoot = path.join(root, 'runtime');
    const runtime = await installRuntime(await packagedRuntime(), runtimeRoot);
    const binary = path.join(runtime.dir, 'bin', 'postgres');
    await chmod(binary, 0o700);
    expect(await refusal(start(path.join(root, 'data-noexec'), undefined, runtimeRoot))).toBe(startupErrors.notExecutable(binary, 'EACCES').message);
  }, 120_000);
});
