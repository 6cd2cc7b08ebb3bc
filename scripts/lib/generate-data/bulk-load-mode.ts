import type pg from 'pg';

/**
 * Two standard bulk-load measures, taken inside the generator's transaction (so a failure rolls
 * them back too):
 *
 * 1. Secondary indexes of the invoice tables are dropped before the inserts and rebuilt after from
 *    their own definitions (pg_get_indexdef): one sorted build per index instead of a million
 *    scattered insertions into each. Only when the tables are smaller than what is being added;
 *    on a big table, keeping the index is cheaper. Unique indexes are among them: rebuilding one
 *    checks uniqueness again, so a duplicate still fails the run. Primary keys stay (foreign keys
 *    need them). The tables are locked until the commit: run the generator while the app is idle.
 * 2. With a superuser, foreign-key triggers are skipped (session_replication_role = replica):
 *    every reference is computed from rows inserted in the same run (generate-data.int.test.ts
 *    checks each foreign key with an anti-join). CHECK, NOT NULL and unique constraints still
 *    apply. Without superuser the checks simply run.
 */
const DEFERRED_TABLES = ['invoices', 'invoice_lines', 'payments', 'refunds', 'coupon_redemptions'];

export interface TBulkLoadMode {
  deferredIndexes: number;
  foreignKeyChecks: boolean;
  /** Rebuilds the dropped indexes; call after the last insert, before the commit. */
  finish(): Promise<void>;
}

export async function enterBulkLoadMode(client: pg.ClientBase, invoicesToAdd: number): Promise<TBulkLoadMode> {
  const { rows: [role] } = await client.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  if (role?.superuser) await client.query(`SET LOCAL session_replication_role = replica`);

  const { rows: [existing] } = await client.query<{ invoices: number }>('SELECT count(*)::int AS invoices FROM invoices');
  let indexes: Array<{ name: string; definition: string }> = [];
  if (existing!.invoices < invoicesToAdd) {
    ({ rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
         JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_class tc ON tc.oid = i.indrelid
        WHERE tc.relname = ANY ($1::text[]) AND tc.relnamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [DEFERRED_TABLES],
    ));
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  }

  return {
    deferredIndexes: indexes.length,
    foreignKeyChecks: !role?.superuser,
    async finish() {
      await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
      for (const index of indexes) await client.query(index.definition);
      if (role?.superuser) await client.query(`SET LOCAL session_replication_role = origin`);
    },
  };
}
