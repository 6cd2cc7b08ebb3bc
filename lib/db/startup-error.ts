/**
 * What can stop `npm start` (or a test run) before anything is served, each as one sentence that
 * says what to do. The scripts print `message` alone and exit 1 (scripts/lib/exit-on-startup-error.ts);
 * anything else is a bug and keeps its stack.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

export const startupErrors = {
  pgPortTaken: (port: number) =>
    new StartupError(`Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen there: stop what uses it or choose another port with EMBEDDED_PG_PORT (for example EMBEDDED_PG_PORT=${port + 1}).`),
  httpPortTaken: (port: number) =>
    new StartupError(`Port ${port} is already in use, so the console cannot listen there: stop what uses it or choose another port with PORT (for example PORT=${port + 1}).`),
  httpPortDenied: (port: number) =>
    new StartupError(`Listening on port ${port} is not permitted for this user: choose a port above 1023 with PORT (for example PORT=3000).`),
  unreachable: (what: string, target: string, blocker: string, mode: number) =>
    new StartupError(`The postgres user cannot reach ${what} ${target} because ${blocker} is closed to other users (mode ${modeText(mode)}): set ${what === 'the data directory' ? 'EMBEDDED_PG_DIR or STATE_DIR' : 'STATE_DIR'} to a directory outside ${blocker} (the default as root is /var/lib/billing-admin-console).`),
  notExecutable: (binary: string, detail: string) =>
    new StartupError(`The postgres user cannot run PostgreSQL's server binary ${binary} (${detail}): check that it and its directories are readable and executable by that user, or set STATE_DIR to a directory it can reach (the default as root is /var/lib/billing-admin-console).`),
  versionMismatch: (dataDir: string, dataMajor: string, serverMajor: string) =>
    new StartupError(`The data directory ${dataDir} belongs to PostgreSQL ${dataMajor}, but the embedded server is PostgreSQL ${serverMajor}: point EMBEDDED_PG_DIR (or STATE_DIR) at a new directory, or move the old data there with pg_upgrade or a dump and restore.`),
  locked: (dataDir: string, pid: number) =>
    new StartupError(`The data directory ${dataDir} is in use by a running PostgreSQL server (PID ${pid}): stop that server (kill -INT ${pid}) or point EMBEDDED_PG_DIR (or STATE_DIR) at another directory.`),
  diskFull: (where: string) =>
    new StartupError(`There is no space left on the disk that holds ${where}: free some space, or set STATE_DIR to a directory on another disk.`),
  testClockExternal: () =>
    new StartupError('TEST_CLOCK=true moves the billing clock and DATABASE_URL points at a database that is not the embedded one, which may hold real customers: unset DATABASE_URL to use the embedded PostgreSQL, or set TEST_CLOCK_ALLOW_EXTERNAL=true if this database is a disposable test database.'),
  other: (port: number, dataDir: string, detail: string) =>
    new StartupError(`The embedded PostgreSQL did not start on port ${port} with the data directory ${dataDir}: ${detail || 'it exited without saying why'}.`),
};

function modeText(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

interface PostgresContext {
  port: number;
  dataDir: string;
  /** PostgreSQL's own output (initdb's or the server's stderr). */
  output: string;
}

/** The one sentence for what PostgreSQL said when initdb or the server stopped. */
export function explainPostgresFailure({ port, dataDir, output }: PostgresContext): StartupError {
  if (/No space left on device|could not extend file/i.test(output)) return startupErrors.diskFull(dataDir);
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets|\.s\.PGSQL\.\d+\.lock/i.test(output)) return startupErrors.pgPortTaken(port);
  const lock = /lock file "postmaster\.pid" already exists[\s\S]*?\(PID (\d+)\)/i.exec(output);
  if (lock) return startupErrors.locked(dataDir, Number(lock[1]));
  const versions = /initialized by PostgreSQL version (\d+)[^\n]*?not compatible with this version (\d+)/i.exec(output);
  if (versions) return startupErrors.versionMismatch(dataDir, versions[1]!, versions[2]!.split('.')[0]!);
  return startupErrors.other(port, dataDir, lastProblem(output));
}

/** The one sentence for a Node.js error met while preparing or spawning PostgreSQL. */
export function explainSystemError(error: unknown, where: string): StartupError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return startupErrors.diskFull(where);
  return undefined;
}

/** The last FATAL/ERROR/PANIC line PostgreSQL printed, without its prefix, else its last line. */
function lastProblem(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const problem = lines.filter((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line)).at(-1) ?? lines.at(-1) ?? '';
  return problem.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '').replace(/\.$/, '');
}
