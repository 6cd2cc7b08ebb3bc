import pg from 'pg';
import { createApiKey } from '../../lib/auth/api-keys/create-api-key';
import { createClient } from '../../lib/db';
import { seedDatabase } from '../../prisma/seed';
import { generateData } from '../../scripts/lib/generate-data/generate-data';

export interface TGenerated {
  invoices: number;
  seconds: number;
  /** False when a kept data directory (BENCH_DATA_DIR) already held generated data. */
  generated: boolean;
}

export interface TBenchData {
  /** A super_admin API key's secret: every benchmarked request authenticates with it. */
  apiKey: string;
  invoices: number;
  generation: TGenerated;
  /** Invoice ids deep in the keyset order (newest first), each a `starting_after` cursor. */
  deepCursors: string[];
  /** Paid bench invoices to refund a little of, one request each. */
  refundable: string[];
}

export interface TDataSize {
  organizations: number;
  months: number;
  /** How many distinct paid invoices the refund runs spread over. */
  refundable: number;
}

/**
 * The demo seed's sign-in users and catalog (not its tenants), `size` worth of generated history (the generator behind
 * `npm run db:generate`: tenants, subscriptions, invoices with lines, payments, refunds), a fresh
 * API key, and the ids the load generators need. Cursors sit between 80% and 95% of the way down
 * the newest-first order, so every list request reads a page far from the index's start.
 */
export async function prepareBenchData(databaseUrl: string, size: TDataSize): Promise<TBenchData> {
  const prisma = createClient(databaseUrl, 2);
  let apiKey: string;
  try {
    await seedDatabase(prisma, { databaseUrl, history: false });
    apiKey = (await createApiKey({ name: `bench ${new Date().toISOString()}`, role: 'super_admin' }, 'system', { client: prisma })).secret;
  } finally {
    await prisma.$disconnect();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const generation = await generateOnce(client, size);
    const total = Number((await client.query<{ count: string }>('SELECT count(*) FROM invoices')).rows[0]?.count ?? 0);
    const deepCursors: string[] = [];
    for (let i = 0; i < 16; i++) {
      const offset = Math.floor(total * (0.8 + (0.15 * i) / 16));
      const { rows } = await client.query<{ id: string }>('SELECT id FROM invoices ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1', [offset]);
      if (rows[0]) deepCursors.push(rows[0].id);
    }
    const refundable = await client.query<{ id: string }>(
      // Paid manually only: the bench server runs without provider keys or fakes, so a Xendit or
      // Stripe payment's refund would fail at its provider instead of measuring our refund path.
      `SELECT id FROM invoices WHERE currency = 'IDR' AND status IN ('paid', 'partially_refunded') AND amount_paid - amount_refunded >= 1000
          AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id AND p.provider <> 'manual')
        ORDER BY id LIMIT $1`,
      [size.refundable],
    );
    return { apiKey, invoices: total, generation, deepCursors, refundable: refundable.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

/** The seed alone has a few hundred invoices: more means a kept database (BENCH_DATA_DIR) was generated already. */
async function generateOnce(client: pg.Client, size: TDataSize): Promise<TGenerated> {
  const before = Number((await client.query<{ count: string }>('SELECT count(*) FROM invoices')).rows[0]?.count ?? 0);
  if (before > 10_000) return { invoices: before, seconds: 0, generated: false };
  const summary = await generateData(client, { organizations: size.organizations, months: size.months, reset: false, seed: 1 });
  return { invoices: summary.rows.invoices ?? 0, seconds: Math.round(summary.elapsedMs / 100) / 10, generated: true };
}
