import { Prisma } from '@/lib/generated/prisma/client';
import { moneyToJson, type DecimalLike, type TCurrency } from '@/lib/money';
import { addDays, startOfDay } from './date-range';
import { instant } from './mrr-sql';
import { queryAnalytics } from './query-analytics';
import type { TAnalyticsQuery, TRevenueSeries } from './schemas';

interface BucketRow {
  start: string;
  end: string;
  gross_revenue: DecimalLike;
  refunds: DecimalLike;
  net_revenue: DecimalLike;
  discounts: DecimalLike;
}

/**
 * Gross revenue (by paid date), refunds (by refund date), net and discounts per day, ISO week or
 * calendar month in UTC (docs/METRICS.md). Every bucket of the range is present: generate_series
 * lays them out and the two aggregates (one range scan each, grouped once) are joined onto it, so
 * a day without payments is a row of zeros rather than a gap in the chart. The first and last
 * buckets are clipped to [from, to), so each row's start/end select exactly the invoices behind it.
 */
export async function getRevenueSeries(query: TAnalyticsQuery): Promise<TRevenueSeries> {
  const { currency, interval, from, to } = query;
  const step = `1 ${interval}`;
  const [tFrom, tTo] = [instant(startOfDay(from)), instant(startOfDay(to))];

  const rows = await queryAnalytics<BucketRow>(Prisma.sql`
    WITH buckets AS (
      SELECT b::date AS bucket
        FROM generate_series(date_trunc(${interval}::text, ${from}::date::timestamp),
                             ${addDays(to, -1)}::date::timestamp, ${step}::interval) AS b
    ),
    paid AS (
      -- AT TIME ZONE 'UTC' first: date_trunc on a timestamptz would cut days in the session's time zone.
      SELECT date_trunc(${interval}::text, paid_at AT TIME ZONE 'UTC')::date AS bucket,
             sum(amount_paid) AS gross_revenue, sum(discount_total) AS discounts
        FROM invoices
       WHERE currency = ${currency} AND paid_at >= ${tFrom} AND paid_at < ${tTo}
       GROUP BY 1
    ),
    refunded AS (
      SELECT date_trunc(${interval}::text, created_at AT TIME ZONE 'UTC')::date AS bucket, sum(amount) AS refunds
        FROM refunds
       WHERE currency = ${currency} AND status = 'succeeded' AND created_at >= ${tFrom} AND created_at < ${tTo}
       GROUP BY 1
    )
    SELECT to_char(GREATEST(b.bucket, ${from}::date), 'YYYY-MM-DD') AS start,
           to_char(LEAST((b.bucket + ${step}::interval)::date, ${to}::date), 'YYYY-MM-DD') AS "end",
           COALESCE(p.gross_revenue, 0) AS gross_revenue,
           COALESCE(r.refunds, 0) AS refunds,
           COALESCE(p.gross_revenue, 0) - COALESCE(r.refunds, 0) AS net_revenue,
           COALESCE(p.discounts, 0) AS discounts
      FROM buckets b
      LEFT JOIN paid p USING (bucket)
      LEFT JOIN refunded r USING (bucket)
     ORDER BY b.bucket`);

  return {
    currency: currency as TCurrency,
    interval,
    from,
    to,
    buckets: rows.map((row) => ({
      start: row.start,
      end: row.end,
      gross_revenue: moneyToJson(row.gross_revenue),
      refunds: moneyToJson(row.refunds),
      net_revenue: moneyToJson(row.net_revenue),
      discounts: moneyToJson(row.discounts),
    })),
  };
}
