import { currencyDecimals } from '../../lib/money';
import { activeAtSql, arrAtSql, arrCtes } from './baseline-mrr-sql';

/** The request every endpoint gets: a 12-month range and a currency. */
export interface TBenchRange {
  from: string;
  to: string;
  currency: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- figures are read out of JSON and SQL rows by name */
type Json = any;
type Rows = Array<Record<string, any>>;

/**
 * One analytics endpoint next to the best single SQL statement we can write for the same
 * answer: the physical limit the endpoint is measured against. `figures` reads the headline numbers
 * out of both, so the benchmark can say whether the two computed the same thing.
 */
export interface TBenchEndpoint {
  name: string;
  path: string;
  query: Record<string, string>;
  baseline: { text: string; values: unknown[] };
  appFigures(body: Json): Record<string, number>;
  sqlFigures(rows: Rows): Record<string, number>;
}

const BASE = '/api/v1/admin/billing/analytics';
const at = (date: string) => `${date}T00:00:00.000Z`;
const sum = (values: Json[]) => values.reduce((total: number, value) => total + Number(value), 0);
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

export function benchEndpoints(range: TBenchRange, previousFrom: string): TBenchEndpoint[] {
  const { currency, from, to } = range;
  const decimals = currencyDecimals(currency);
  const query = { from, to, currency };
  return [
    overview(query, decimals, previousFrom),
    ...(['day', 'week', 'month'] as const).map((interval) => revenue(query, interval)),
    plans(query, decimals),
    coupons(query),
    addons(query),
  ];
}

function overview(query: TBenchRange, decimals: number, previousFrom: string): TBenchEndpoint {
  // $2 previous period's start, $3 current start (= previous end), $4 current end.
  const active = (t: string) => activeAtSql(t);
  return {
    name: 'overview',
    path: `${BASE}/overview`,
    query: { ...query },
    baseline: {
      values: [query.currency, at(previousFrom), at(query.from), at(query.to)],
      text: `
WITH ${arrCtes(decimals, `s.started_at < $4::timestamptz AND (s.cancelled_at IS NULL OR s.cancelled_at >= $2::timestamptz)`)},
snap AS (
  SELECT count(*) FILTER (WHERE ${active('$4::timestamptz')}) AS active_end,
         count(*) FILTER (WHERE ${active('$3::timestamptz')}) AS active_mid,
         COALESCE(sum(${arrAtSql('$4::timestamptz')}) FILTER (WHERE ${active('$4::timestamptz')}), 0) AS arr_end,
         COALESCE(sum(${arrAtSql('$3::timestamptz')}) FILTER (WHERE ${active('$3::timestamptz')}), 0) AS arr_mid,
         count(*) FILTER (WHERE started_at >= $3::timestamptz AND started_at < $4::timestamptz) AS new_current,
         count(*) FILTER (WHERE active_until >= $3::timestamptz AND active_until < $4::timestamptz) AS churned_current
    FROM arr
),
organizations AS (
  -- Its own narrow scan: count(DISTINCT) sorts its input, and the priced rows are wide.
  SELECT count(DISTINCT organization_id) AS organizations_end FROM subscriptions
   WHERE currency = $1 AND started_at < $4::timestamptz
     AND (cancelled_at >= $4::timestamptz OR (cancelled_at IS NULL AND status IN ('active', 'past_due')))
),
-- Paid invoices as the app reads them (docs/METRICS.md): the daily totals for complete days that
-- are not dirty, the invoices themselves after the rollup's boundary and on dirty days.
rollup AS (
  SELECT complete_before AS boundary,
         COALESCE(complete_before::timestamp AT TIME ZONE 'UTC', '-infinity') AS boundary_at
    FROM paid_invoice_rollup_state
),
paid_rows AS (
  SELECT t.day::timestamp AT TIME ZONE 'UTC' >= $3::timestamptz AS is_current, t.gross, t.discounts
    FROM paid_invoice_daily_totals t
   WHERE t.currency = $1 AND t.day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND t.day < ($4::timestamptz AT TIME ZONE 'UTC')::date
     AND t.day < (SELECT boundary FROM rollup)
     AND NOT EXISTS (SELECT FROM paid_invoice_dirty_days d WHERE d.currency = t.currency AND d.day = t.day)
  UNION ALL
  SELECT paid_at >= $3::timestamptz, amount_paid, discount_total FROM invoices
   WHERE currency = $1 AND paid_at < $4::timestamptz AND paid_at >= GREATEST($2::timestamptz, (SELECT boundary_at FROM rollup))
  UNION ALL
  SELECT i.paid_at >= $3::timestamptz, i.amount_paid, i.discount_total
    FROM paid_invoice_dirty_days d
    JOIN invoices i ON i.currency = d.currency
     AND i.paid_at >= d.day::timestamp AT TIME ZONE 'UTC' AND i.paid_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
   WHERE d.currency = $1 AND d.day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND d.day < ($4::timestamptz AT TIME ZONE 'UTC')::date
     AND d.day < (SELECT boundary FROM rollup)
),
paid AS (
  SELECT COALESCE(sum(gross) FILTER (WHERE is_current), 0) AS gross_current,
         COALESCE(sum(discounts) FILTER (WHERE is_current), 0) AS discounts_current,
         COALESCE(sum(gross) FILTER (WHERE NOT is_current), 0) AS gross_previous
    FROM paid_rows
),
refunded AS (
  SELECT COALESCE(sum(amount) FILTER (WHERE created_at >= $3::timestamptz), 0) AS refunds_current
    FROM refunds WHERE currency = $1 AND status = 'succeeded' AND created_at >= $2::timestamptz AND created_at < $4::timestamptz
),
redeemed AS (
  SELECT count(*) FILTER (WHERE redeemed_at >= $3::timestamptz) AS redemptions_current
    FROM coupon_redemptions WHERE currency = $1 AND redeemed_at >= $2::timestamptz AND redeemed_at < $4::timestamptz
)
SELECT * FROM snap, organizations, paid, refunded, redeemed`,
    },
    appFigures: (body) => ({
      mrr: body.current.mrr,
      previous_mrr: body.previous.mrr,
      active_subscriptions: body.current.active_subscriptions,
      active_at_start: body.current.active_subscriptions_at_start,
      active_organizations: body.current.active_organizations,
      new: body.current.new_subscriptions,
      churned: body.current.churned_subscriptions,
      gross_revenue: body.current.gross_revenue,
      previous_gross_revenue: body.previous.gross_revenue,
      discounts: body.current.discounts,
      refunds: body.current.refunds,
      coupon_redemptions: body.current.coupon_redemptions,
    }),
    sqlFigures: ([row]) => ({
      mrr: round(Number(row!.arr_end) / 12, decimals),
      previous_mrr: round(Number(row!.arr_mid) / 12, decimals),
      active_subscriptions: Number(row!.active_end),
      active_at_start: Number(row!.active_mid),
      active_organizations: Number(row!.organizations_end),
      new: Number(row!.new_current),
      churned: Number(row!.churned_current),
      gross_revenue: Number(row!.gross_current),
      previous_gross_revenue: Number(row!.gross_previous),
      discounts: Number(row!.discounts_current),
      refunds: Number(row!.refunds_current),
      coupon_redemptions: Number(row!.redemptions_current),
    }),
  };
}

function revenue(query: TBenchRange, interval: 'day' | 'week' | 'month'): TBenchEndpoint {
  return {
    name: `revenue (${interval})`,
    path: `${BASE}/revenue`,
    query: { ...query, interval },
    baseline: {
      values: [query.currency, at(query.from), at(query.to), interval],
      // One range sum per bucket over the covering index: no per-row bucketing (see docs/BENCHMARKS.md).
      text: `
SELECT b AS bucket, p.gross, p.discounts, r.refunds
  FROM generate_series(date_trunc($4, $2::timestamptz AT TIME ZONE 'UTC'), $3::timestamptz AT TIME ZONE 'UTC' - interval '1 day', ('1 ' || $4)::interval) AS b
 CROSS JOIN LATERAL (
   SELECT COALESCE(sum(amount_paid), 0) AS gross, COALESCE(sum(discount_total), 0) AS discounts FROM invoices
    WHERE currency = $1 AND paid_at >= GREATEST(b AT TIME ZONE 'UTC', $2::timestamptz)
      AND paid_at < LEAST((b + ('1 ' || $4)::interval) AT TIME ZONE 'UTC', $3::timestamptz)
 ) p
 CROSS JOIN LATERAL (
   SELECT COALESCE(sum(amount), 0) AS refunds FROM refunds
    WHERE currency = $1 AND status = 'succeeded' AND created_at >= GREATEST(b AT TIME ZONE 'UTC', $2::timestamptz)
      AND created_at < LEAST((b + ('1 ' || $4)::interval) AT TIME ZONE 'UTC', $3::timestamptz)
 ) r
 ORDER BY b`,
    },
    appFigures: (body) => ({
      buckets: body.buckets.length,
      gross_revenue: sum(body.buckets.map((b: Json) => b.gross_revenue)),
      refunds: sum(body.buckets.map((b: Json) => b.refunds)),
      discounts: sum(body.buckets.map((b: Json) => b.discounts)),
    }),
    sqlFigures: (rows) => ({
      buckets: rows.length,
      gross_revenue: sum(rows.map((row) => row.gross)),
      refunds: sum(rows.map((row) => row.refunds)),
      discounts: sum(rows.map((row) => row.discounts)),
    }),
  };
}

function plans(query: TBenchRange, decimals: number): TBenchEndpoint {
  return {
    name: 'plans',
    path: `${BASE}/plans`,
    query: { ...query },
    baseline: {
      values: [query.currency, at(query.from), at(query.to)],
      text: `
WITH ${arrCtes(decimals, `s.started_at < $3::timestamptz AND (s.cancelled_at IS NULL OR s.cancelled_at >= $3::timestamptz)`)},
plan_mrr AS (
  SELECT plan_id, count(*) AS active, sum(${arrAtSql('$3::timestamptz')}) AS arr
    FROM arr WHERE ${activeAtSql('$3::timestamptz')} GROUP BY plan_id
),
plan_revenue AS (
  -- The plan each invoice was issued under, straight from the covering index: no join.
  SELECT plan_id, sum(amount_paid) AS gross
    FROM invoices
   WHERE currency = $1 AND paid_at >= $2::timestamptz AND paid_at < $3::timestamptz
   GROUP BY plan_id
)
SELECT p.id, COALESCE(m.active, 0) AS active, round(COALESCE(m.arr, 0) / 12, ${decimals}) AS mrr, COALESCE(r.gross, 0) AS gross
  FROM plans p
  LEFT JOIN plan_mrr m ON m.plan_id = p.id
  LEFT JOIN plan_revenue r ON r.plan_id = p.id
 WHERE p.currency = $1 OR m.plan_id IS NOT NULL OR r.plan_id IS NOT NULL`,
    },
    appFigures: (body) => ({
      plans: body.plans.length,
      active_subscriptions: sum(body.plans.map((p: Json) => p.active_subscriptions)),
      mrr: sum(body.plans.map((p: Json) => p.mrr)),
      gross_revenue: sum(body.plans.map((p: Json) => p.gross_revenue)),
    }),
    sqlFigures: (rows) => ({
      plans: rows.length,
      active_subscriptions: sum(rows.map((row) => row.active)),
      mrr: sum(rows.map((row) => row.mrr)),
      gross_revenue: sum(rows.map((row) => row.gross)),
    }),
  };
}

function coupons(query: TBenchRange): TBenchEndpoint {
  return {
    name: 'coupons',
    path: `${BASE}/coupons`,
    query: { ...query },
    baseline: {
      values: [query.currency, at(query.from), at(query.to)],
      text: `
WITH redeemed AS (
  SELECT coupon_id, count(*) AS redemptions FROM coupon_redemptions
   WHERE currency = $1 AND redeemed_at >= $2::timestamptz AND redeemed_at < $3::timestamptz GROUP BY coupon_id
),
granted AS (
  SELECT coupon_id, sum(discount_total) AS amount FROM invoices
   WHERE currency = $1 AND issued_at >= $2::timestamptz AND issued_at < $3::timestamptz AND coupon_id IS NOT NULL AND status <> 'void' GROUP BY coupon_id
),
paid AS (
  SELECT coupon_id, sum(discount_total) AS discounts FROM invoices
   WHERE currency = $1 AND paid_at >= $2::timestamptz AND paid_at < $3::timestamptz AND coupon_id IS NOT NULL GROUP BY coupon_id
)
SELECT c.id, c.code, COALESCE(r.redemptions, 0) AS redemptions, COALESCE(g.amount, 0) AS amount, COALESCE(p.discounts, 0) AS discounts
  FROM coupons c
  LEFT JOIN redeemed r ON r.coupon_id = c.id
  LEFT JOIN granted g ON g.coupon_id = c.id
  LEFT JOIN paid p ON p.coupon_id = c.id
 WHERE r.coupon_id IS NOT NULL OR g.coupon_id IS NOT NULL OR p.coupon_id IS NOT NULL`,
    },
    appFigures: (body) => ({
      coupons: body.coupons.length,
      redemptions: sum(body.coupons.map((c: Json) => c.redemptions)),
      redeemed_amount: sum(body.coupons.map((c: Json) => c.redeemed_amount)),
      paid_discounts: sum(body.coupons.map((c: Json) => c.paid_discounts)),
    }),
    sqlFigures: (rows) => ({
      coupons: rows.length,
      redemptions: sum(rows.map((row) => row.redemptions)),
      redeemed_amount: sum(rows.map((row) => row.amount)),
      paid_discounts: sum(rows.map((row) => row.discounts)),
    }),
  };
}

function addons(query: TBenchRange): TBenchEndpoint {
  return {
    name: 'addons',
    path: `${BASE}/addons`,
    query: { ...query },
    baseline: {
      values: [query.currency, at(query.to)],
      text: `
WITH active AS (
  SELECT id FROM subscriptions
   WHERE currency = $1 AND started_at < $2::timestamptz
     AND (cancelled_at >= $2::timestamptz OR (cancelled_at IS NULL AND status IN ('active', 'past_due')))
)
SELECT a.id, (SELECT count(*) FROM active) AS active, count(x.subscription_id) AS attached
  FROM addons a
  LEFT JOIN (SELECT sa.addon_id, sa.subscription_id FROM subscription_addons sa JOIN active ON active.id = sa.subscription_id) x
         ON x.addon_id = a.id
 GROUP BY a.id`,
    },
    appFigures: (body) => ({
      active_subscriptions: body.active_subscriptions,
      addons: body.addons.length,
      attached: sum(body.addons.map((a: Json) => a.attached_subscriptions)),
    }),
    sqlFigures: (rows) => ({
      active_subscriptions: Number(rows[0]?.active ?? 0),
      addons: rows.length,
      attached: sum(rows.map((row) => row.attached)),
    }),
  };
}
