import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../lib/db/free-port';
import { postgresUser } from './run-as-postgres';
import { stopChild } from './test-harness';

export interface TPgBouncer {
  /** Server URL for the app (append the database), with the app's `?pgbouncer=true` flag. */
  url: (database: string) => string;
  port: number;
  /** Transactions PgBouncer has passed to the server, over every database (SHOW STATS). */
  transactions(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Debian's PgBouncer (1.18) in transaction pooling mode in front of `serverPort`, configured as
 * docs/DEPLOY.md says: every server connection gets the app's session defaults (TimeZone UTC,
 * statement_timeout) from connect_query, since in transaction pooling a client may set nothing
 * per session. Runs as the postgres OS user (it refuses root), from `dir`.
 */
export async function startPgBouncer(options: { dir: string; serverPort: number; binary?: string; poolSize?: number }): Promise<TPgBouncer> {
  const port = await freePort();
  const user = postgresUser();
  const ini = path.join(options.dir, 'pgbouncer.ini');
  const userlist = path.join(options.dir, 'userlist.txt');
  writeFileSync(userlist, '"postgres" "postgres"\n', { mode: 0o600 });
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${options.serverPort} connect_query='SET TimeZone TO ''UTC''; SET statement_timeout TO 30000'`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${userlist}`,
      'admin_users = postgres',
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 20}`,
      'max_client_conn = 2000',
      `logfile = ${path.join(options.dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(options.dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  for (const file of [ini, userlist]) chownSync(file, user.uid, user.gid);
  chownSync(options.dir, user.uid, user.gid);
  const child = spawn(options.binary ?? 'pgbouncer', [ini], { uid: user.uid, gid: user.gid, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const admin = `postgresql://postgres:postgres@127.0.0.1:${port}/pgbouncer`;
  await waitForAdmin(admin, child, () => output);
  return {
    port,
    url: (database) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}?pgbouncer=true`,
    transactions: async () => {
      const rows = await adminQuery<{ total_xact_count: string }>(admin, 'SHOW STATS');
      return rows.reduce((sum, row) => sum + Number(row.total_xact_count), 0);
    },
    stop: () => stopChild(child, 'SIGINT'),
  };
}

async function adminQuery<T>(url: string, sql: string): Promise<T[]> {
  // The admin console speaks the simple query protocol only.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = (await client.query({ text: sql, queryMode: 'simple' } as pg.QueryConfig)) as pg.QueryResult;
    return result.rows as T[];
  } finally {
    await client.end();
  }
}

async function waitForAdmin(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${output()}`);
    try {
      await adminQuery(url, 'SHOW VERSION');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`pgbouncer did not answer: ${String(error)} ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}


export const pgbouncerVersion = (binary = 'pgbouncer') => execFileSync(binary, ['--version'], { encoding: 'utf8' }).split('\n')[0];
