import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase, readMigrationList } from './migrations';
import { withSchemaEngine } from './schema-engine';

const serverUrl = inject('databaseAdminUrl');
const name = `empty_${randomBytes(5).toString('hex')}`;
const url = `${serverUrl}/${name}`;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('apply to an empty database and record the history Prisma migrate deploy reads', async () => {
    const committed = (await readMigrationList()).migrationDirectories.map((dir) => dir.path);
    expect(committed.length).toBeGreaterThan(0);
    expect(await migrateDatabase(url)).toEqual(committed);

    const history = await query<{ migration_name: string; finished_at: Date | null }>('SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name');
    expect(history.map((row) => row.migration_name)).toEqual(committed);
    expect(history.every((row) => row.finished_at !== null)).toBe(true);

    const tables = (await query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((row) => row.table_name);
    for (const table of ['plans', 'coupons', 'coupon_redemptions', 'addons', 'organizations', 'subscriptions', 'subscription_addons', 'invoices', 'invoice_lines', 'payments', 'refunds', 'users', 'api_keys', 'audit_log', 'idempotency_records']) {
      expect(tables).toContain(table);
    }
  });

  it('a second run applies nothing', async () => {
    expect(await migrateDatabase(url)).toEqual([]);
  });

  it('store money as numeric, never floating point', async () => {
    const columns = await query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND (column_name ~ '(price|amount|total|subtotal)' OR column_name = 'discount_value')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    for (const column of columns) expect(`${column.table_name}.${column.column_name}: ${column.data_type}`).toMatch(/: numeric$/);
  });

  it('the database refuses a refunded total above the amount paid', async () => {
    await query(`INSERT INTO organizations (id, name, slug, billing_email, country, updated_at) VALUES (gen_random_uuid(), 'O', 'o', 'o@x.io', 'ID', now())`);
    await query(`INSERT INTO plans (id, name, slug, currency, base_price_monthly, base_price_annual, per_agent_price, overage_message_price, limits, features, updated_at)
                 VALUES (gen_random_uuid(), 'P', 'p', 'IDR', 1, 10, 0, 0, '{}', '{}', now())`);
    await query(`INSERT INTO subscriptions (id, organization_id, plan_id, billing_cycle, currency, agent_count, started_at, current_period_start, current_period_end, updated_at)
                 SELECT gen_random_uuid(), o.id, p.id, 'monthly', 'IDR', 1, now(), now(), now(), now() FROM organizations o, plans p`);
    const insert = (refunded: number) =>
      query(`INSERT INTO invoices (id, number, organization_id, subscription_id, plan_id, currency, status, period_start, period_end, subtotal, total, amount_paid, amount_refunded, updated_at)
             SELECT gen_random_uuid(), 'INV-' || $1::text, s.organization_id, s.id, s.plan_id, 'IDR', 'paid', now(), now(), 100, 100, 100, $1::numeric, now() FROM subscriptions s`, [refunded]);
    await expect(insert(100)).resolves.toBeDefined();
    await expect(insert(101)).rejects.toThrow(/invoices_refunded_within_paid/);
  });

  it('a script goes to PostgreSQL whole: PL/pgSQL bodies and semicolons in comments survive, and errors keep their message', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, 'migration.sql'), sql);
    };
    try {
      await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      await write('20990101000000_function', `-- a comment; with a semicolon
        CREATE FUNCTION migration_test_twice(x int) RETURNS int LANGUAGE plpgsql AS $$
        DECLARE y int;
        BEGIN y := x * 2; RETURN y; END
        $$;
        CREATE TABLE migration_test_values (v text DEFAULT 'a;b');`);
      const apply = () =>
        withSchemaEngine(url, (engine) =>
          readMigrationList(dir).then((migrationsList) => engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } })),
        );
      expect((await apply()).appliedMigrationNames).toEqual(['20990101000000_function']);
      expect(await query<{ twice: number }>('SELECT migration_test_twice(21) AS twice')).toEqual([{ twice: 42 }]);

      await write('20990102000000_broken', 'CREATE TABLE migration_test_other (x int);\nSELECT * FROM migration_test_missing;');
      await expect(apply()).rejects.toThrow(/migration_test_missing/);
      // One implicit transaction: the statement before the failing one is not left behind.
      expect(await query(`SELECT to_regclass('migration_test_other') AS t`)).toEqual([{ t: null }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
