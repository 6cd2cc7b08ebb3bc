import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { probePort } from './free-port';
import type { OsUser } from './pg-process';
import { startupErrors } from './startup-error';

/**
 * Cheap checks before PostgreSQL is started, so that the usual reasons it cannot start are each
 * one sentence instead of a server log: the port, the data directory's version and lock, and
 * whether the `postgres` user can reach the directories it needs.
 */
export async function assertPgPortFree(port: number): Promise<void> {
  if ((await probePort(port, '127.0.0.1')) !== 'free') throw startupErrors.pgPortTaken(port);
}

/**
 * As root, every existing directory on the way to `target` must let `user` through (x for owner,
 * group or others, whichever applies to it). Nothing is chmod-ed: a private directory of the user's
 * is named in the error, with the setting that moves the target out of it.
 */
export async function assertReachable(what: 'the data directory' | "PostgreSQL's binaries in", target: string, user: OsUser | undefined): Promise<void> {
  if (!user) return;
  const ancestors: string[] = [];
  for (let current = path.dirname(path.resolve(target)); ; current = path.dirname(current)) {
    ancestors.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const dir of ancestors) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) return; // created later, by us, open to all (mkdirOpen)
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) throw startupErrors.unreachable(what, target, dir, info.mode);
  }
}

/** A data directory of another PostgreSQL major version, or one a running server holds, is refused. */
export async function assertDataDirUsable(dataDir: string, serverMajor: string): Promise<void> {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    const dataMajor = (await readFile(versionFile, 'utf8')).trim();
    if (dataMajor !== serverMajor) throw startupErrors.versionMismatch(dataDir, dataMajor, serverMajor);
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  // A lock naming a process that is gone (a crash, a reboot) is stale: PostgreSQL replaces it.
  if (Number.isInteger(pid) && pid > 0 && (await isRunningPostgres(pid))) throw startupErrors.locked(dataDir, pid);
}

async function isRunningPostgres(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Alive. On Linux, tell a PostgreSQL server from an unrelated process that reused the PID.
  const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => undefined);
  return command === undefined || command.trim() === 'postgres';
}
