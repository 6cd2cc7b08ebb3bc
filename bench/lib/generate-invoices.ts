import pg from 'pg';

export interface TGenerateOptions {
  organizations: number;
  months: number;
}

export interface TGenerated {
  invoices: number;
  seconds: number;
  /** False when a kept data directory (BENCH_DATA_DIR) already held exactly this data. */
  generated: boolean;
}

/**
 * Bulk benchmark data in plain SQL (INSERT … SELECT generate_series), fast enough for a million
 * invoices: `organizations` tenants, one IDR subscription each on the seeded Starter plan, and one
 * invoice per tenant per month for `months` months, newest at the current month. Every row
 * respects the schema's CHECK constraints: 90% are paid in full (amount_paid = total, nothing
 * refunded yet), the rest open (nothing paid) or void. Tenants' invoices of one month are a
 * second apart, so (created_at, id) orders them like the real invoice browser's keyset.
 * Invoice numbers `BENCH-…` never collide with the seed's or the app's `INV-…`.
 */
export async function generateInvoices(databaseUrl: string, options: TGenerateOptions): Promise<TGenerated> {
  const startedAt = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const expected = options.organizations * options.months;
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM invoices WHERE number LIKE 'BENCH-%'`);
    const existing = Number(rows[0]?.count ?? 0);
    if (existing === expected) return { invoices: existing, seconds: 0, generated: false };
    if (existing !== 0) throw new Error(`The kept bench database holds ${existing} bench invoices, not ${expected}: remove BENCH_DATA_DIR and run again.`);

    await client.query('BEGIN');
    await client.query(INSERT_ORGANIZATIONS, [options.organizations]);
    await client.query(INSERT_SUBSCRIPTIONS);
    await client.query(INSERT_INVOICES, [options.organizations, options.months]);
    await client.query('COMMIT');
    // Fresh statistics, as autovacuum would have them on a database that grew over years.
    await client.query('VACUUM ANALYZE organizations, subscriptions, invoices');
    return { invoices: expected, seconds: Math.round((performance.now() - startedAt) / 100) / 10, generated: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const INSERT_ORGANIZATIONS = `
  INSERT INTO organizations (id, name, slug, billing_email, country, created_at, updated_at)
  SELECT gen_random_uuid(), 'Bench Tenant ' || o, 'bench-tenant-' || o, 'billing+' || o || '@bench.example', 'ID', now(), now()
    FROM generate_series(1, $1::int) AS o`;

const INSERT_SUBSCRIPTIONS = `
  INSERT INTO subscriptions (id, organization_id, plan_id, status, billing_cycle, currency, agent_count,
                             started_at, current_period_start, current_period_end, created_at, updated_at)
  SELECT gen_random_uuid(), o.id, p.id, 'active', 'monthly', 'IDR', 3,
         now() - interval '10 years', date_trunc('month', now()), date_trunc('month', now()) + interval '1 month', now(), now()
    FROM organizations o, plans p
   WHERE o.slug LIKE 'bench-tenant-%' AND p.slug = 'starter'`;

// g = 0 … organizations × months − 1: tenant g % organizations, month g / organizations back.
const INSERT_INVOICES = `
  WITH tenants AS (
    SELECT row_number() OVER (ORDER BY o.slug) - 1 AS n, o.id AS organization_id, s.id AS subscription_id
      FROM organizations o JOIN subscriptions s ON s.organization_id = o.id
     WHERE o.slug LIKE 'bench-tenant-%'
  ), rows AS (
    SELECT g, t.organization_id, t.subscription_id,
           date_trunc('month', now()) - ((g / $1::int) * interval '1 month') AS period_start,
           (299000 + (g % 40) * 59000)::numeric AS subtotal,
           CASE WHEN g % 20 = 7 THEN 'open' WHEN g % 20 = 13 THEN 'void' ELSE 'paid' END::"InvoiceStatus" AS status
      FROM generate_series(0, $1::int * $2::int - 1) AS g
      JOIN tenants t ON t.n = g % $1::int
  )
  INSERT INTO invoices (id, number, organization_id, subscription_id, currency, status, period_start, period_end,
                        subtotal, tax_rate, tax_total, total, amount_paid, amount_refunded,
                        issued_at, due_at, paid_at, voided_at, created_at, updated_at)
  SELECT gen_random_uuid(), 'BENCH-' || lpad(g::text, 8, '0'), organization_id, subscription_id, 'IDR', status,
         period_start, period_start + interval '1 month',
         subtotal, 0.11, round(subtotal * 0.11), subtotal + round(subtotal * 0.11),
         CASE WHEN status = 'paid' THEN subtotal + round(subtotal * 0.11) ELSE 0 END, 0,
         period_start + (g % $1::int) * interval '1 second',
         period_start + interval '14 days',
         CASE WHEN status = 'paid' THEN period_start + interval '3 days' END,
         CASE WHEN status = 'void' THEN period_start + interval '20 days' END,
         period_start + (g % $1::int) * interval '1 second', now()
    FROM rows`;
