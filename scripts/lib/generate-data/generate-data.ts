import type pg from 'pg';
import { BUILD_INVOICES_SQL } from './build-invoices';
import { enterBulkLoadMode } from './bulk-load-mode';
import { BUILD_TENANTS_SQL, CREATE_PARAMS_SQL, INSERT_PARAMS_SQL } from './build-tenants';
import { ENSURE_CATALOG_SQL } from './ensure-catalog';
import { INSERT_STEPS } from './insert-rows';
import type { TGenerateOptions } from './options';
import { COUNT_GENERATED_SQL, RESET_GENERATED_SQL } from './reset-generated';
import { SESSION_FUNCTIONS_SQL } from './session-functions';

/** Indonesia's PPN, as the demo seed uses: generated data does not depend on the server's TAX_RATE. */
const GENERATED_TAX_RATE = '0.11';
/** Any constant: two generators on one database wait for each other instead of colliding. */
const GENERATE_LOCK = 72_611_251;
const ANALYZED_TABLES = 'plans, addons, coupons, organizations, subscriptions, subscription_addons, invoices, invoice_lines, payments, refunds, coupon_redemptions';

export interface TGenerateSummary {
  organizations: number;
  months: number;
  seed: number;
  now: string;
  /** Rows inserted per table. */
  rows: Record<string, number>;
  totalRows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Milliseconds per phase (reset, catalog, planning, each table, analyze). */
  timings: Record<string, number>;
}

/**
 * Fills the database behind `client` with synthetic tenants and their billing history
 * (scripts/lib/generate-data/*.ts say what and how). Set-based: a dozen INSERT … SELECT statements
 * over temp tables, never a row at a time. One transaction, so a failed run leaves nothing; then
 * ANALYZE, so the planner sees the new sizes at once. Refuses to run over an earlier run's rows
 * unless `reset` is set, which deletes them first (in the same transaction).
 */
export async function generateData(
  client: pg.ClientBase,
  options: TGenerateOptions,
  log: (message: string) => void = () => {},
): Promise<TGenerateSummary> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const timings: Record<string, number> = {};
  const rows: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await work();
    timings[name] = Math.round(performance.now() - at);
    return result;
  };

  // Temp tables of a million rows: keep them in memory rather than in 8 MB of buffers. PostgreSQL
  // refuses the change once the session has used a temp table (a second run on one connection).
  await client.query(`SET temp_buffers = '512MB'`).catch(() => {});
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SELECT pg_advisory_xact_lock(${GENERATE_LOCK})`);
    const { rows: [existing] } = await client.query<{ organizations: number }>(COUNT_GENERATED_SQL);
    if (existing!.organizations > 0 && !options.reset) {
      throw new Error(`This database already holds ${existing!.organizations} generated tenants (slug gen-…). Run again with --reset to replace them.`);
    }
    await client.query(SESSION_FUNCTIONS_SQL);
    await client.query(CREATE_PARAMS_SQL);
    await client.query(INSERT_PARAMS_SQL, [options.organizations, options.months, now.toISOString(), options.seed, GENERATED_TAX_RATE]);
    if (existing!.organizations > 0) {
      log(`deleting the ${existing!.organizations} tenants generated before…`);
      await timed('reset', () => client.query(RESET_GENERATED_SQL));
    }
    await timed('catalog', () => client.query(ENSURE_CATALOG_SQL));
    log('planning tenants and invoices…');
    await timed('plan tenants', () => client.query(BUILD_TENANTS_SQL));
    await timed('plan invoices', () => client.query(BUILD_INVOICES_SQL));
    const { rows: [planned] } = await client.query<{ invoices: number }>('SELECT count(*)::int AS invoices FROM gen_inv');
    const bulk = await enterBulkLoadMode(client, planned!.invoices);
    log(`writing ${planned!.invoices.toLocaleString('en-US')} invoices (${bulk.deferredIndexes} indexes rebuilt after, foreign-key triggers ${bulk.foreignKeyChecks ? 'on' : 'skipped'})…`);
    for (const step of INSERT_STEPS) {
      const result = await timed(step.table, () => client.query(step.sql));
      rows[step.table] = result.rowCount ?? 0;
      log(`${step.table}: ${rows[step.table]!.toLocaleString('en-US')} rows in ${(timings[step.table]! / 1000).toFixed(1)} s`);
    }
    await timed('indexes', () => bulk.finish());
    log(`indexes rebuilt in ${(timings.indexes! / 1000).toFixed(1)} s`);
    await timed('commit', () => client.query('COMMIT'));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await timed('analyze', () => client.query(`ANALYZE ${ANALYZED_TABLES}`));

  const elapsedMs = Math.round(performance.now() - started);
  const totalRows = Object.entries(rows).filter(([table]) => !table.includes('(')).reduce((sum, [, count]) => sum + count, 0);
  return {
    organizations: options.organizations,
    months: options.months,
    seed: options.seed,
    now: now.toISOString(),
    rows,
    totalRows,
    elapsedMs,
    rowsPerSecond: Math.round(totalRows / (elapsedMs / 1000)),
    timings,
  };
}
