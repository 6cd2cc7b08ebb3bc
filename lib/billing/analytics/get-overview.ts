import { Prisma } from '@/lib/generated/prisma/client';
import { currencyDecimals, moneyToJson, type DecimalLike, type TCurrency } from '@/lib/money';
import { previousRange, startOfDay, type TDateRange } from './date-range';
import { activeAt, arrAt, instant, subscriptionArrCtes } from './mrr-sql';
import { queryAnalytics } from './query-analytics';
import { refreshPaidInvoiceDailyTotals } from './refresh-paid-invoice-daily-totals';
import type { TAnalyticsQuery, TOverview, TOverviewPeriod } from './schemas';

/** The statement returns every figure twice: `cur_…` for the range, `prev_…` for the period before it. */
type Figures = {
  mrr: DecimalLike;
  arr: DecimalLike;
  arpa: DecimalLike | null;
  active_subscriptions: number;
  active_organizations: number;
  active_subscriptions_at_start: number;
  new_subscriptions: number;
  churned_subscriptions: number;
  churn_rate: number | null;
  gross_revenue: DecimalLike;
  refunds: DecimalLike;
  net_revenue: DecimalLike;
  discounts: DecimalLike;
  coupon_redemptions: number;
};
type Row = { [K in keyof Figures as `cur_${K}` | `prev_${K}`]: Figures[K] };

/**
 * The dashboard tiles for [from, to) and for the period of equal length just before it
 * (definitions: docs/METRICS.md). One statement, each source read once for both periods:
 * subscriptions priced in one pass (snapshots at the three period boundaries, flows between them)
 * and their organizations counted in another, narrow one; refunds and redemptions each by one
 * index range scan over [previous from, to), split by FILTER; paid invoices from their daily totals
 * (brought up to date first: one short statement on the writable pool) plus the invoices of the
 * days those do not cover yet. The previous period's snapshot is the current one's start.
 */
export async function getOverview(query: TAnalyticsQuery): Promise<TOverview> {
  const { currency } = query;
  const current: TDateRange = { from: query.from, to: query.to };
  const previous = previousRange(current);
  const decimals = currencyDecimals(currency);
  const [start, middle, end] = [startOfDay(previous.from), startOfDay(current.from), startOfDay(current.to)];
  const [tStart, tMiddle, tEnd] = [instant(start), instant(middle), instant(end)];
  const inCurrent = (column: string) => Prisma.sql`${Prisma.raw(column)} >= ${tMiddle}`;
  const inPrevious = (column: string) => Prisma.sql`${Prisma.raw(column)} < ${tMiddle}`;
  const money = (sum: Prisma.Sql) => Prisma.sql`COALESCE(${sum}, 0)`;
  const [dStart, dMiddle, dEnd] = [previous.from, current.from, current.to].map((date) => Prisma.sql`${date}::date`);
  // A date column's 00:00 UTC as an instant; NULL (no boundary yet) becomes -infinity.
  const utcMidnight = (day: string) => Prisma.sql`COALESCE((${Prisma.raw(day)})::timestamp AT TIME ZONE 'UTC', '-infinity')`;

  await refreshPaidInvoiceDailyTotals();

  const [row] = await queryAnalytics<Row>(Prisma.sql`
    WITH ${subscriptionArrCtes(currency, start, end)},
    subscription_figures AS (
      SELECT count(*) FILTER (WHERE ${activeAt(tEnd)})::int AS active_end,
             count(*) FILTER (WHERE ${activeAt(tMiddle)})::int AS active_middle,
             count(*) FILTER (WHERE ${activeAt(tStart)})::int AS active_start,
             ${money(Prisma.sql`sum(${arrAt(tEnd)}) FILTER (WHERE ${activeAt(tEnd)})`)} AS arr_end,
             ${money(Prisma.sql`sum(${arrAt(tMiddle)}) FILTER (WHERE ${activeAt(tMiddle)})`)} AS arr_middle,
             count(*) FILTER (WHERE started_at >= ${tMiddle} AND started_at < ${tEnd})::int AS new_current,
             count(*) FILTER (WHERE started_at >= ${tStart} AND started_at < ${tMiddle})::int AS new_previous,
             count(*) FILTER (WHERE cancelled_at >= ${tMiddle} AND cancelled_at < ${tEnd})::int AS churned_current,
             count(*) FILTER (WHERE cancelled_at >= ${tStart} AND cancelled_at < ${tMiddle})::int AS churned_previous
        FROM subscription_arr
    ),
    organization_figures AS (
      -- Apart from subscription_figures: count(DISTINCT) sorts its input, and these rows are narrow.
      SELECT count(DISTINCT organization_id) FILTER (WHERE ${activeAt(tEnd)})::int AS organizations_end,
             count(DISTINCT organization_id) FILTER (WHERE ${activeAt(tMiddle)})::int AS organizations_middle
        FROM subscriptions
       WHERE currency = ${currency} AND started_at < ${tEnd} AND (cancelled_at IS NULL OR cancelled_at >= ${tMiddle})
    ),
    -- Paid invoices (docs/METRICS.md): complete, clean days from the daily totals, every other day
    -- (from the rollup's boundary on, and the dirty days before it) from invoices, by range scans
    -- of invoices_paid_analytics_idx. Exact whether or not the refresh ran.
    rollup AS (
      SELECT complete_before AS boundary FROM paid_invoice_rollup_state
    ),
    paid AS (
      SELECT t.day >= ${dMiddle} AS is_current, t.gross, t.discounts
        FROM paid_invoice_daily_totals t
       WHERE t.currency = ${currency} AND t.day >= ${dStart} AND t.day < ${dEnd}
         AND t.day < (SELECT boundary FROM rollup)
         AND NOT EXISTS (SELECT FROM paid_invoice_dirty_days d WHERE d.currency = t.currency AND d.day = t.day)
      UNION ALL
      SELECT paid_at >= ${tMiddle}, amount_paid, discount_total
        FROM invoices
       WHERE currency = ${currency} AND paid_at < ${tEnd}
         AND paid_at >= GREATEST(${tStart}, (SELECT ${utcMidnight('boundary')} FROM rollup))
      UNION ALL
      SELECT i.paid_at >= ${tMiddle}, i.amount_paid, i.discount_total
        FROM paid_invoice_dirty_days d
        JOIN invoices i ON i.currency = d.currency
         AND i.paid_at >= ${utcMidnight('d.day')} AND i.paid_at < ${utcMidnight('d.day + 1')}
       WHERE d.currency = ${currency} AND d.day >= ${dStart} AND d.day < ${dEnd}
         AND d.day < (SELECT boundary FROM rollup)
    ),
    invoice_figures AS (
      SELECT ${money(Prisma.sql`sum(gross) FILTER (WHERE is_current)`)} AS gross_current,
             ${money(Prisma.sql`sum(gross) FILTER (WHERE NOT is_current)`)} AS gross_previous,
             ${money(Prisma.sql`sum(discounts) FILTER (WHERE is_current)`)} AS discounts_current,
             ${money(Prisma.sql`sum(discounts) FILTER (WHERE NOT is_current)`)} AS discounts_previous
        FROM paid
    ),
    refund_figures AS (
      SELECT ${money(Prisma.sql`sum(amount) FILTER (WHERE ${inCurrent('created_at')})`)} AS refunds_current,
             ${money(Prisma.sql`sum(amount) FILTER (WHERE ${inPrevious('created_at')})`)} AS refunds_previous
        FROM refunds
       WHERE currency = ${currency} AND status = 'succeeded' AND created_at >= ${tStart} AND created_at < ${tEnd}
    ),
    redemption_figures AS (
      SELECT (count(*) FILTER (WHERE ${inCurrent('redeemed_at')}))::int AS redemptions_current,
             (count(*) FILTER (WHERE ${inPrevious('redeemed_at')}))::int AS redemptions_previous
        FROM coupon_redemptions
       WHERE currency = ${currency} AND redeemed_at >= ${tStart} AND redeemed_at < ${tEnd}
    )
    SELECT -- Snapshots: the current period's at its end, the previous period's at the current one's start.
           -- MRR is rounded once, after the sum: the sum of ARR is exact, divided by 12 only here.
           round(arr_end / 12, ${decimals}::int) AS cur_mrr,
           round(arr_middle / 12, ${decimals}::int) AS prev_mrr,
           round(arr_end, ${decimals}::int) AS cur_arr,
           round(arr_middle, ${decimals}::int) AS prev_arr,
           round(arr_end / (12 * NULLIF(organizations_end, 0)), ${decimals}::int) AS cur_arpa,
           round(arr_middle / (12 * NULLIF(organizations_middle, 0)), ${decimals}::int) AS prev_arpa,
           active_end AS cur_active_subscriptions, active_middle AS prev_active_subscriptions,
           organizations_end AS cur_active_organizations, organizations_middle AS prev_active_organizations,
           active_middle AS cur_active_subscriptions_at_start, active_start AS prev_active_subscriptions_at_start,
           -- Flows within each period.
           new_current AS cur_new_subscriptions, new_previous AS prev_new_subscriptions,
           churned_current AS cur_churned_subscriptions, churned_previous AS prev_churned_subscriptions,
           round(churned_current::numeric / NULLIF(active_middle, 0), 4)::float8 AS cur_churn_rate,
           round(churned_previous::numeric / NULLIF(active_start, 0), 4)::float8 AS prev_churn_rate,
           gross_current AS cur_gross_revenue, gross_previous AS prev_gross_revenue,
           refunds_current AS cur_refunds, refunds_previous AS prev_refunds,
           gross_current - refunds_current AS cur_net_revenue, gross_previous - refunds_previous AS prev_net_revenue,
           discounts_current AS cur_discounts, discounts_previous AS prev_discounts,
           redemptions_current AS cur_coupon_redemptions, redemptions_previous AS prev_coupon_redemptions
      FROM subscription_figures, organization_figures, invoice_figures, refund_figures, redemption_figures`);

  return {
    currency: currency as TCurrency,
    current: toPeriod(row!, 'cur', current),
    previous: toPeriod(row!, 'prev', previous),
  };
}

function toPeriod(row: Row, prefix: 'cur' | 'prev', range: TDateRange): TOverviewPeriod {
  const figure = <K extends keyof Figures>(key: K): Figures[K] => row[`${prefix}_${key}`] as Figures[K];
  const arpa = figure('arpa');
  return {
    from: range.from,
    to: range.to,
    mrr: moneyToJson(figure('mrr')),
    arr: moneyToJson(figure('arr')),
    active_subscriptions: figure('active_subscriptions'),
    active_organizations: figure('active_organizations'),
    active_subscriptions_at_start: figure('active_subscriptions_at_start'),
    new_subscriptions: figure('new_subscriptions'),
    churned_subscriptions: figure('churned_subscriptions'),
    churn_rate: figure('churn_rate'),
    arpa: arpa === null ? null : moneyToJson(arpa),
    gross_revenue: moneyToJson(figure('gross_revenue')),
    refunds: moneyToJson(figure('refunds')),
    net_revenue: moneyToJson(figure('net_revenue')),
    discounts: moneyToJson(figure('discounts')),
    coupon_redemptions: figure('coupon_redemptions'),
  };
}
