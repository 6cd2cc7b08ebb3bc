import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { currencyDecimals, moneyToJson, type DecimalLike, type TCurrency } from '@/lib/money';
import { previousRange, startOfDay, type TDateRange } from './date-range';
import { activeAt, arrAt, instant, subscriptionArrCtes } from './mrr-sql';
import type { TAnalyticsQuery, TOverview, TOverviewPeriod } from './schemas';

interface PeriodRow {
  period: 'current' | 'previous';
  mrr: DecimalLike;
  arr: DecimalLike;
  active_subscriptions: number;
  active_organizations: number;
  active_subscriptions_at_start: number;
  new_subscriptions: number;
  churned_subscriptions: number;
  churn_rate: number | null;
  arpa: DecimalLike | null;
  gross_revenue: DecimalLike;
  refunds: DecimalLike;
  net_revenue: DecimalLike;
  discounts: DecimalLike;
  coupon_redemptions: number;
}

/**
 * The dashboard tiles for [from, to) and for the period of equal length just before it
 * (definitions: docs/METRICS.md). One statement over a two-row `periods` table: subscriptions are
 * read once (snapshots at each period's ends, flows within it); invoices, refunds and redemptions
 * are each summed by one index range scan per period on (currency, date).
 */
export async function getOverview(query: TAnalyticsQuery): Promise<TOverview> {
  const { currency } = query;
  const current: TDateRange = { from: query.from, to: query.to };
  const previous = previousRange(current);
  const decimals = currencyDecimals(currency);
  const [previousStart, currentStart, currentEnd] = [startOfDay(previous.from), startOfDay(current.from), startOfDay(current.to)];
  const periodEnd = Prisma.sql`p.period_end`;
  const periodStart = Prisma.sql`p.period_start`;

  const rows = await db().$queryRaw<PeriodRow[]>`
    WITH ${subscriptionArrCtes(currency, previousStart, currentEnd)},
    periods (period, period_start, period_end) AS (
      VALUES ('current', ${instant(currentStart)}, ${instant(currentEnd)}),
             ('previous', ${instant(previousStart)}, ${instant(currentStart)})
    ),
    subscriptions_agg AS (
      SELECT p.period,
             count(s.id) FILTER (WHERE ${activeAt(periodEnd)})::int AS active_subscriptions,
             count(s.id) FILTER (WHERE ${activeAt(periodStart)})::int AS active_subscriptions_at_start,
             count(DISTINCT s.organization_id) FILTER (WHERE ${activeAt(periodEnd)})::int AS active_organizations,
             COALESCE(sum(${arrAt(periodEnd)}) FILTER (WHERE ${activeAt(periodEnd)}), 0) AS arr_exact,
             count(s.id) FILTER (WHERE s.started_at >= p.period_start AND s.started_at < p.period_end)::int AS new_subscriptions,
             count(s.id) FILTER (WHERE s.cancelled_at >= p.period_start AND s.cancelled_at < p.period_end)::int AS churned_subscriptions
        FROM periods p
        LEFT JOIN subscription_arr s ON true
       GROUP BY p.period
    ),
    invoices_agg AS (
      SELECT p.period, COALESCE(sum(i.amount_paid), 0) AS gross_revenue, COALESCE(sum(i.discount_total), 0) AS discounts
        FROM periods p
        LEFT JOIN invoices i ON i.currency = ${currency} AND i.paid_at >= p.period_start AND i.paid_at < p.period_end
       GROUP BY p.period
    ),
    refunds_agg AS (
      SELECT p.period, COALESCE(sum(r.amount), 0) AS refunds
        FROM periods p
        LEFT JOIN refunds r ON r.currency = ${currency} AND r.status = 'succeeded'
                           AND r.created_at >= p.period_start AND r.created_at < p.period_end
       GROUP BY p.period
    ),
    redemptions_agg AS (
      SELECT p.period, count(cr.id)::int AS coupon_redemptions
        FROM periods p
        LEFT JOIN coupon_redemptions cr ON cr.currency = ${currency} AND cr.redeemed_at >= p.period_start AND cr.redeemed_at < p.period_end
       GROUP BY p.period
    )
    SELECT period, active_subscriptions, active_organizations, active_subscriptions_at_start,
           new_subscriptions, churned_subscriptions,
           -- Rounded once, after the sum: the sum of ARR is exact, so annual subscriptions are divided by 12 only here.
           round(arr_exact / 12, ${decimals}::int) AS mrr,
           round(arr_exact, ${decimals}::int) AS arr,
           round(arr_exact / (12 * NULLIF(active_organizations, 0)), ${decimals}::int) AS arpa,
           round(churned_subscriptions::numeric / NULLIF(active_subscriptions_at_start, 0), 4)::float8 AS churn_rate,
           gross_revenue, refunds, gross_revenue - refunds AS net_revenue, discounts, coupon_redemptions
      FROM subscriptions_agg
      JOIN invoices_agg USING (period)
      JOIN refunds_agg USING (period)
      JOIN redemptions_agg USING (period)`;

  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  return {
    currency: currency as TCurrency,
    current: toPeriod(byPeriod.get('current')!, current),
    previous: toPeriod(byPeriod.get('previous')!, previous),
  };
}

function toPeriod(row: PeriodRow, range: TDateRange): TOverviewPeriod {
  return {
    from: range.from,
    to: range.to,
    mrr: moneyToJson(row.mrr),
    arr: moneyToJson(row.arr),
    active_subscriptions: row.active_subscriptions,
    active_organizations: row.active_organizations,
    active_subscriptions_at_start: row.active_subscriptions_at_start,
    new_subscriptions: row.new_subscriptions,
    churned_subscriptions: row.churned_subscriptions,
    churn_rate: row.churn_rate,
    arpa: row.arpa === null ? null : moneyToJson(row.arpa),
    gross_revenue: moneyToJson(row.gross_revenue),
    refunds: moneyToJson(row.refunds),
    net_revenue: moneyToJson(row.net_revenue),
    discounts: moneyToJson(row.discounts),
    coupon_redemptions: row.coupon_redemptions,
  };
}
