import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData } from '@/scripts/lib/generate-data/generate-data';
import { dirtyDays, refreshRollup, rollupDiscrepancies } from '@/tests/integration/paid-invoice-rollup';
import { getOverview } from './get-overview';
import { ZAnalyticsQuery } from './schemas';

/**
 * paid_invoice_daily_totals (migration 20261125170703_paid_invoice_daily_totals): its totals equal
 * the invoices' sums after a refresh, the triggers on invoices mark exactly the days a change makes
 * stale, and the overview is exact whether or not the refresh ran. The generated history ends
 * months before the real clock's yesterday, so every generated day is a complete day.
 */
let client: pg.Client;

const connect = async () => {
  const connection = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await connection.connect();
  return connection;
};
const scalar = async (sql: string, params: unknown[] = []) => Object.values((await client.query(sql, params)).rows[0] as object)[0] as unknown;
const directSums = async (currency: string, from: string, to: string) => {
  const { rows: [row] } = await client.query<{ gross: string; discounts: string }>(
    `SELECT COALESCE(sum(amount_paid), 0)::text AS gross, COALESCE(sum(discount_total), 0)::text AS discounts FROM invoices
      WHERE currency = $1 AND paid_at >= $2::date::timestamp AT TIME ZONE 'UTC' AND paid_at < $3::date::timestamp AT TIME ZONE 'UTC'`,
    [currency, from, to],
  );
  return { gross_revenue: Number(row!.gross), discounts: Number(row!.discounts) };
};
/** The overview's revenue tiles for [from, to) and the period before, beside the direct sums. */
const revenueTiles = async (currency: string, from: string, to: string) => {
  const overview = await getOverview(ZAnalyticsQuery.parse({ currency, from, to }));
  const pick = (period: { gross_revenue: number; discounts: number }) => ({ gross_revenue: period.gross_revenue, discounts: period.discounts });
  return {
    actual: { current: pick(overview.current), previous: pick(overview.previous) },
    expected: { current: await directSums(currency, from, to), previous: await directSums(currency, overview.previous.from, from) },
  };
};
/** A paid IDR invoice copied from a generated one, paid at `paidAt` (no lines or payments: deletable). */
const insertPaidInvoice = async (number: string, paidAt: string, amountPaid: string, discount: string) => {
  const { rows: [row] } = await client.query<{ id: string }>(
    `INSERT INTO invoices (id, number, organization_id, subscription_id, plan_id, currency, status, period_start, period_end,
                           subtotal, discount_total, total, amount_paid, issued_at, paid_at, updated_at)
     -- A period of its own: one invoice per (subscription, kind, period) is a unique index.
     SELECT gen_random_uuid(), $1, organization_id, subscription_id, plan_id, 'IDR', 'paid',
            '1990-01-01'::timestamptz + floor(random() * 1e9) * interval '1 second', period_end,
            $3::numeric + $4::numeric, $4::numeric, $3::numeric, $3::numeric, $2::timestamptz, $2::timestamptz, now()
       FROM invoices WHERE currency = 'IDR' LIMIT 1
     RETURNING id`,
    [number, paidAt, amountPaid, discount],
  );
  return row!.id;
};
/** Keeps every invoice writer (and so the refresh, which then gives up after 1 s) out until released. */
const holdWriterLock = async () => {
  const holder = await connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE invoices IN ROW EXCLUSIVE MODE');
  return async () => {
    await holder.query('COMMIT');
    await holder.end();
  };
};

beforeAll(async () => {
  client = await connect();
  await generateData(client, { organizations: 150, months: 14, seed: 5, reset: false, now: new Date('2026-02-20T12:00:00Z') });
});

afterAll(async () => {
  await client.end();
});

describe('paid_invoice_daily_totals', () => {
  it('after a refresh, holds exactly the sums of every complete day, through yesterday, and no dirty day', async () => {
    expect(await scalar('SELECT count(*)::int FROM paid_invoice_dirty_days')).toBeGreaterThan(0); // the generator's backdated payments
    const boundary = await refreshRollup(client);
    expect(boundary).toBe(await scalar(`SELECT ((now() AT TIME ZONE 'UTC')::date - 1)::text`));
    expect(await dirtyDays(client)).toEqual([]);
    expect(await scalar('SELECT count(*)::int FROM paid_invoice_daily_totals')).toBeGreaterThan(200);
    expect(await scalar(`SELECT count(DISTINCT currency)::int FROM paid_invoice_daily_totals`)).toBe(3);
    expect(await rollupDiscrepancies(client)).toEqual([]);
    // Nothing to do: the same boundary, nothing rewritten.
    const written = await scalar(`SELECT max(xmin::text::bigint)::text FROM paid_invoice_daily_totals`);
    expect(await refreshRollup(client)).toBe(boundary);
    expect(await scalar(`SELECT max(xmin::text::bigint)::text FROM paid_invoice_daily_totals`)).toBe(written);
  });

  it('the overview equals the direct sums, in every currency, over ranges on either side of the history', async () => {
    for (const currency of ['IDR', 'USD', 'SGD']) {
      for (const [from, to] of [['2025-06-17', '2026-02-03'], ['2026-01-01', '2026-02-01'], ['2026-02-10', '2026-11-30']]) {
        const { actual, expected } = await revenueTiles(currency, from!, to!);
        expect(actual).toEqual(expected);
      }
    }
  });

  it('a backdated payment counts at once (its day is dirty and read live), and the next refresh sums its day again', async () => {
    const before = await revenueTiles('IDR', '2026-01-01', '2026-02-01');
    const id = await insertPaidInvoice('TEST-BACKDATED-1', '2026-01-10T23:30:00Z', '1234567.8900', '1000.0000');
    expect(await dirtyDays(client)).toEqual(['IDR 2026-01-10']);

    // The overview, with the refresh kept out by a writer holding its lock: the dirty day is read live.
    const release = await holdWriterLock();
    try {
      const during = await revenueTiles('IDR', '2026-01-01', '2026-02-01');
      expect(during.actual).toEqual(during.expected);
      expect(during.actual.current.gross_revenue).toBe(before.actual.current.gross_revenue + 1234567.89);
      expect(during.actual.current.discounts).toBe(before.actual.current.discounts + 1000);
      expect(await dirtyDays(client)).toEqual(['IDR 2026-01-10']);
    } finally {
      await release();
    }

    await refreshRollup(client);
    expect(await dirtyDays(client)).toEqual([]);
    expect(await rollupDiscrepancies(client)).toEqual([]);
    const day = await client.query(`SELECT gross::text, discounts::text FROM paid_invoice_daily_totals WHERE currency = 'IDR' AND day = '2026-01-10'`);
    expect(day.rows[0]).toEqual({
      gross: await scalar(`SELECT sum(amount_paid)::text FROM invoices WHERE currency = 'IDR' AND (paid_at AT TIME ZONE 'UTC')::date = '2026-01-10'`),
      discounts: await scalar(`SELECT sum(discount_total)::text FROM invoices WHERE currency = 'IDR' AND (paid_at AT TIME ZONE 'UTC')::date = '2026-01-10'`),
    });
    const after = await revenueTiles('IDR', '2026-01-01', '2026-02-01');
    expect(after.actual).toEqual(after.expected);
    expect(after.actual.current.gross_revenue).toBe(before.actual.current.gross_revenue + 1234567.89);

    // A delete marks its day, and the overview drops the invoice at once.
    await client.query('DELETE FROM invoices WHERE id = $1', [id]);
    expect(await dirtyDays(client)).toEqual(['IDR 2026-01-10']);
    const deleted = await revenueTiles('IDR', '2026-01-01', '2026-02-01');
    expect(deleted.actual).toEqual(before.actual);
    expect(deleted.actual).toEqual(deleted.expected);
    await refreshRollup(client);
    expect(await dirtyDays(client)).toEqual([]);
    expect(await rollupDiscrepancies(client)).toEqual([]);
  });

  it('a refund (amount_refunded, status) or any other column marks nothing; a change of amount or paid_at marks the old and the new day', async () => {
    await refreshRollup(client);
    const paid = await scalar(`SELECT id::text FROM invoices WHERE currency = 'USD' AND status = 'paid' AND paid_at < '2026-01-01' ORDER BY paid_at LIMIT 1`);
    await client.query(`UPDATE invoices SET amount_refunded = amount_paid / 2, status = 'partially_refunded', updated_at = now() WHERE id = $1`, [paid]);
    await client.query(`UPDATE invoices SET updated_at = now(), due_at = due_at WHERE currency = 'IDR'`);
    await client.query(`UPDATE invoices SET amount_paid = amount_paid WHERE currency = 'SGD'`); // unchanged values
    expect(await dirtyDays(client)).toEqual([]);

    const oldDay = await scalar(`SELECT (paid_at AT TIME ZONE 'UTC')::date::text FROM invoices WHERE id = $1`, [paid]);
    await client.query(`UPDATE invoices SET paid_at = '2025-12-24T12:00:00Z' WHERE id = $1`, [paid]);
    expect(await dirtyDays(client)).toEqual([`USD ${oldDay}`, 'USD 2025-12-24'].sort());
    const { actual, expected } = await revenueTiles('USD', '2025-12-01', '2026-01-15');
    expect(actual).toEqual(expected);
    await refreshRollup(client);
    expect(await dirtyDays(client)).toEqual([]);
    expect(await rollupDiscrepancies(client)).toEqual([]);
  });

  it("today's payments mark nothing and count live, until they are a complete day", async () => {
    await refreshRollup(client);
    await insertPaidInvoice('TEST-TODAY-1', new Date().toISOString(), '500.0000', '0');
    expect(await dirtyDays(client)).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { actual, expected } = await revenueTiles('IDR', today, tomorrow);
    expect(actual.current.gross_revenue).toBe(500);
    expect(actual).toEqual(expected);
  });

  it('two refreshes at once: one sums, the other waits for it and finds nothing left to do', async () => {
    // Start over from nothing summed, with dirty days, so each refresh alone would do all the work.
    await client.query(`UPDATE paid_invoice_rollup_state SET complete_before = NULL`);
    await client.query(`DELETE FROM paid_invoice_daily_totals`);
    await client.query(`UPDATE invoices SET discount_total = discount_total + 1 WHERE currency = 'SGD' AND paid_at < '2025-09-01'`);
    const [first, second] = [await connect(), await connect()];
    try {
      const boundaries = await Promise.all([refreshRollup(first), refreshRollup(second)]);
      expect(boundaries[0]).toBe(boundaries[1]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await dirtyDays(client)).toEqual([]);
    expect(await rollupDiscrepancies(client)).toEqual([]);
    const { actual, expected } = await revenueTiles('SGD', '2025-07-01', '2025-10-01');
    expect(actual).toEqual(expected);
  });

  it('a writer and a refresh overlapping either way: the refresh waits for the writer, or the writer marks its day', async () => {
    const startOver = async () => {
      await client.query(`UPDATE paid_invoice_rollup_state SET complete_before = NULL`);
      await client.query(`DELETE FROM paid_invoice_daily_totals`);
    };
    const [writer, refresher] = [await connect(), await connect()];
    try {
      // 1. The writer is in flight: the refresh waits for its commit, then sums its row. Its day is
      // dirty already, so the writer's own marker was a no-op: without the wait, the refresh would
      // clear the marker and sum the day without the writer's change.
      await startOver();
      await client.query(`UPDATE invoices SET discount_total = discount_total + 1 WHERE id = (SELECT id FROM invoices WHERE currency = 'IDR' AND paid_at < '2025-10-01' ORDER BY paid_at LIMIT 1)`);
      expect((await dirtyDays(client)).length).toBe(1);
      await writer.query('BEGIN');
      await writer.query(`UPDATE invoices SET amount_paid = amount_paid + 7 WHERE id = (SELECT id FROM invoices WHERE currency = 'IDR' AND paid_at < '2025-10-01' ORDER BY paid_at LIMIT 1)`);
      const refresh = refreshRollup(refresher);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writer.query('COMMIT');
      await refresh;
      expect(await dirtyDays(client)).toEqual([]);
      expect(await rollupDiscrepancies(client)).toEqual([]);

      // 2. The refresh is in flight: the writer waits for its commit, then marks the day it changed.
      await startOver();
      await refresher.query('BEGIN');
      await refresher.query('SELECT refresh_paid_invoice_daily_totals()');
      const write = writer.query(`UPDATE invoices SET amount_paid = amount_paid - 7 WHERE id = (SELECT id FROM invoices WHERE currency = 'IDR' AND paid_at < '2025-10-01' ORDER BY paid_at LIMIT 1)`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await refresher.query('COMMIT');
      await write;
      expect((await dirtyDays(client)).length).toBe(1);
      expect(await rollupDiscrepancies(client)).toEqual([]);
      const { actual, expected } = await revenueTiles('IDR', '2025-06-01', '2025-10-01');
      expect(actual).toEqual(expected);
    } finally {
      await Promise.all([writer.end(), refresher.end()]);
    }
  });

  it('TRUNCATE starts the rollup over: nothing summed, no totals, no dirty day', async () => {
    await client.query(`UPDATE invoices SET amount_paid = amount_paid + 1 WHERE currency = 'USD' AND paid_at < '2025-09-01'`);
    expect((await dirtyDays(client)).length).toBeGreaterThan(0);
    await client.query('TRUNCATE invoices CASCADE');
    expect(await scalar('SELECT complete_before FROM paid_invoice_rollup_state')).toBeNull();
    expect(await scalar('SELECT count(*)::int FROM paid_invoice_daily_totals')).toBe(0);
    expect(await dirtyDays(client)).toEqual([]);
    const { actual } = await revenueTiles('USD', '2025-01-01', '2026-01-01');
    expect(actual).toEqual({ current: { gross_revenue: 0, discounts: 0 }, previous: { gross_revenue: 0, discounts: 0 } });
    expect(await scalar('SELECT complete_before IS NOT NULL FROM paid_invoice_rollup_state')).toBe(true);
  });
});
