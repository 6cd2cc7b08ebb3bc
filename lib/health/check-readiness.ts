import { db, type Db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/http/error-response';
import { testClockWarning } from '@/lib/test-clock/test-clock-warning';
import { shippedMigrationNames } from './migration-names';

/**
 * Whether this instance should get traffic (GET /api/ready): the database answers and every
 * migration this build ships has been applied (a new release started before `npm run db:migrate`
 * finished, or against the wrong database, is not ready). Warnings do not make it unready: they
 * are things an operator should see on a ready instance.
 */
export type TReadiness = { ready: true; migrations: number; warnings: string[] } | { ready: false; code: TNotReadyCode; reason: string };

export type TNotReadyCode = 'database_unreachable' | 'database_error' | 'migrations_pending' | 'migrations_failed' | 'no_migrations';

/**
 * Checks that add a warning to a ready instance, each returning its text or null. Add one here
 * (e.g. "the test clock is on"); each runs on every probe, so keep them cheap.
 */
export type TReadinessWarning = (client: Db) => Promise<string | null> | string | null;
export const READINESS_WARNINGS: TReadinessWarning[] = [testClockWarning];

export async function checkReadiness(
  client: Db = db(),
  warnings: readonly TReadinessWarning[] = READINESS_WARNINGS,
  shippedNames: Promise<string[]> = shippedMigrationNames(),
): Promise<TReadiness> {
  const shipped = await shippedNames;
  if (shipped.length === 0) return { ready: false, code: 'no_migrations', reason: 'This build ships no prisma/migrations: the server runs from the wrong directory.' };
  let rows: { migration_name: string; finished: boolean }[];
  try {
    // Prisma's history table: a row whose finished_at is null is a migration that failed half way.
    rows = await client.$queryRaw`SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL`;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, code: 'database_unreachable', reason: 'The database cannot be reached.' };
    if (isMissingTable(error)) return { ready: false, code: 'migrations_pending', reason: `No migration has been applied yet (${shipped.length} pending): run npm run db:migrate.` };
    return { ready: false, code: 'database_error', reason: 'The readiness query failed; see the server log.' };
  }
  const failed = rows.filter((row) => !row.finished).map((row) => row.migration_name);
  if (failed.length) return { ready: false, code: 'migrations_failed', reason: `Migration ${failed.join(', ')} failed and must be resolved.` };
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = shipped.filter((name) => !applied.has(name));
  if (pending.length) return { ready: false, code: 'migrations_pending', reason: `${pending.length} migration(s) not applied: ${pending.join(', ')}. Run npm run db:migrate.` };
  const notes = await Promise.all(warnings.map((warning) => warning(client)));
  return { ready: true, migrations: shipped.length, warnings: notes.filter((note): note is string => note !== null) };
}

function isMissingTable(error: unknown): boolean {
  // 42P01 undefined_table, as the adapter reports it.
  return /42P01|does not exist/.test(String((error as { message?: string })?.message ?? error));
}
