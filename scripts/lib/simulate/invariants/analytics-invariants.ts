import type { TInvariant } from './invariant';

/** The figures of docs/METRICS.md recomputed from the tables, independently of lib/billing/analytics. */
const FIGURES = ['active_subscriptions', 'active_subscriptions_at_start', 'new_subscriptions', 'churned_subscriptions', 'gross_revenue', 'refunds', 'net_revenue', 'discounts', 'coupon_redemptions'] as const;

/** Each month's analytics overview equals the SQL recomputation (IDR; MRR is left out: it values past snapshots at today's prices). */
export const analyticsInvariants: TInvariant[] = [
  {
    name: 'the month\'s analytics overview equals an independent recomputation',
    async check({ sql, month }) {
      if (!month) return [];
      const from = new Date(`${month.from}T00:00:00Z`);
      const to = new Date(`${month.to}T00:00:00Z`);
      const [row] = await sql.$queryRaw<Record<(typeof FIGURES)[number], string>[]>`
        WITH active AS (
          SELECT s.* FROM subscriptions s WHERE s.currency = 'IDR'
        )
        SELECT
          (SELECT count(*) FROM active WHERE started_at < ${to} AND (cancelled_at >= ${to} OR (cancelled_at IS NULL AND status IN ('active', 'past_due'))))::text AS active_subscriptions,
          (SELECT count(*) FROM active WHERE started_at < ${from} AND (cancelled_at >= ${from} OR (cancelled_at IS NULL AND status IN ('active', 'past_due'))))::text AS active_subscriptions_at_start,
          (SELECT count(*) FROM active WHERE started_at >= ${from} AND started_at < ${to})::text AS new_subscriptions,
          (SELECT count(*) FROM active WHERE cancelled_at >= ${from} AND cancelled_at < ${to})::text AS churned_subscriptions,
          (SELECT coalesce(sum(amount_paid), 0) FROM invoices WHERE currency = 'IDR' AND paid_at >= ${from} AND paid_at < ${to})::text AS gross_revenue,
          (SELECT coalesce(sum(amount), 0) FROM refunds WHERE currency = 'IDR' AND status = 'succeeded' AND created_at >= ${from} AND created_at < ${to})::text AS refunds,
          ((SELECT coalesce(sum(amount_paid), 0) FROM invoices WHERE currency = 'IDR' AND paid_at >= ${from} AND paid_at < ${to})
            - (SELECT coalesce(sum(amount), 0) FROM refunds WHERE currency = 'IDR' AND status = 'succeeded' AND created_at >= ${from} AND created_at < ${to}))::text AS net_revenue,
          (SELECT coalesce(sum(discount_total), 0) FROM invoices WHERE currency = 'IDR' AND paid_at >= ${from} AND paid_at < ${to})::text AS discounts,
          (SELECT count(*) FROM coupon_redemptions WHERE currency = 'IDR' AND redeemed_at >= ${from} AND redeemed_at < ${to})::text AS coupon_redemptions`;
      const overview = await month.overview();
      return FIGURES.filter((figure) => Number(overview[figure]) !== Number(row![figure]))
        .map((figure) => `${this.name}: ${figure} for [${month.from}, ${month.to}) is ${overview[figure]} in GET /analytics/overview, ${row![figure]} recomputed from the tables`);
    },
  },
];
