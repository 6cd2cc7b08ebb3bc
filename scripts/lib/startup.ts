import { probePort } from '../../lib/db/free-port';
import { StartupError, startupErrors } from '../../lib/db/startup-error';
import { resolveDatabase } from '../../lib/db/local-database';

/**
 * `work`'s result; a StartupError (a port taken, the embedded PostgreSQL unable to start…) is
 * printed as its one sentence and the process exits 1, without a stack. Other errors are bugs and
 * keep theirs.
 */
export async function orExit<T>(work: Promise<T>, prefix = ''): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(`${prefix}${error.message}`);
    process.exit(1);
  }
}

/** The database the scripts use (lib/db/local-database.ts), or one sentence and exit 1. */
export const resolveDatabaseOrExit = (prefix = '') => orExit(resolveDatabase(), prefix);

/** Refuses, before anything starts, an HTTP port the console could not listen on. */
export async function assertHttpPortFree(port: number): Promise<void> {
  const state = await probePort(port);
  if (state === 'taken') throw startupErrors.httpPortTaken(port);
  if (state === 'denied') throw startupErrors.httpPortDenied(port);
}

/**
 * Issue #19: the test clock (TEST_CLOCK=true) only over the embedded database, whose data is this
 * machine's own, unless TEST_CLOCK_ALLOW_EXTERNAL=true says the DATABASE_URL one is disposable too.
 */
export async function assertTestClockAllowed(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.TEST_CLOCK === 'true' && env.DATABASE_URL && env.TEST_CLOCK_ALLOW_EXTERNAL !== 'true') throw startupErrors.testClockExternal();
}
