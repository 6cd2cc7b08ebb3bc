import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData } from '@/scripts/lib/generate-data/generate-data';
import { getRevenueSeries } from './get-revenue-series';
import { ZAnalyticsQuery } from './schemas';

/**
 * getRevenueSeries sums each bucket with its own range scan (the fast path); this checks it against
 * the plain definition — every paid invoice and succeeded refund put in the bucket of its UTC
 * date, per row — over a generated year of invoices in three currencies. The range starts and ends
 * mid-week and mid-month, so the clipped first and last buckets are exercised too.
 */
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await generateData(client, { organizations: 400, months: 14, seed: 3, reset: false, now: new Date('2026-02-20T12:00:00Z') });
});

afterAll(async () => {
  await client.end();
});

async function perRowBuckets(interval: string, currency: string, from: string, to: string) {
  const { rows } = await client.query<{ start: string; gross: string; discounts: string; refunds: string }>(
    `WITH money AS (
       SELECT paid_at AS at, amount_paid AS gross, discount_total AS discounts, 0 AS refunds FROM invoices
        WHERE currency = $2 AND paid_at >= $3::date AT TIME ZONE 'UTC' AND paid_at < $4::date AT TIME ZONE 'UTC'
       UNION ALL
       SELECT created_at, 0, 0, amount FROM refunds
        WHERE status = 'succeeded' AND currency = $2 AND created_at >= $3::date AT TIME ZONE 'UTC' AND created_at < $4::date AT TIME ZONE 'UTC'
     )
     SELECT to_char(GREATEST(date_trunc($1, at AT TIME ZONE 'UTC'), $3::date), 'YYYY-MM-DD') AS start,
            sum(gross) AS gross, sum(discounts) AS discounts, sum(refunds) AS refunds
       FROM money GROUP BY 1`,
    [interval, currency, from, to],
  );
  return Object.fromEntries(rows.map((row) => [row.start, { gross_revenue: Number(row.gross), discounts: Number(row.discounts), refunds: Number(row.refunds) }]));
}

describe('getRevenueSeries on a generated year', () => {
  for (const interval of ['day', 'week', 'month'] as const) {
    it(`by ${interval}: each bucket holds exactly the payments and refunds dated inside it, in every currency`, async () => {
      let nonEmpty = 0;
      for (const currency of ['IDR', 'USD', 'SGD']) {
        const query = ZAnalyticsQuery.parse({ from: '2025-02-12', to: '2026-02-19', currency, interval });
        const series = await getRevenueSeries(query);
        const expected = await perRowBuckets(interval, currency, query.from, query.to);
        const actual = Object.fromEntries(
          series.buckets
            .filter((bucket) => bucket.gross_revenue || bucket.refunds || bucket.discounts)
            .map((bucket) => [bucket.start, { gross_revenue: bucket.gross_revenue, discounts: bucket.discounts, refunds: bucket.refunds }]),
        );
        expect(actual).toEqual(expected);
        nonEmpty += Object.keys(actual).length;
      }
      expect(nonEmpty).toBeGreaterThan(10);
    });
  }
});
