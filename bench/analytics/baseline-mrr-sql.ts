/**
 * The benchmark's own formulation of "annual recurring revenue per subscription" (docs/METRICS.md),
 * written independently of lib/billing/analytics/mrr-sql.ts so that the figures the two produce can
 * be compared: if they differ, one of them is wrong. $1 is the currency, `decimals` its minor
 * units; `scope` filters the subscriptions (a WHERE clause on `s`).
 *
 * Columns of `arr`: id, organization_id, plan_id, started_at, active_until (cancellation, or
 * ±infinity: open-ended, or never active when marked cancelled without a date), arr_full,
 * arr_discounted, discount_from, discount_until. Active at t ⇔ started_at < t AND active_until >= t.
 */
export function arrCtes(decimals: number, scope: string): string {
  return `
  plan_prices AS MATERIALIZED (
    SELECT id, base_price_monthly, base_price_annual, per_agent_price, (limits ->> 'max_agents')::int AS max_agents FROM plans
  ),
  subs AS NOT MATERIALIZED (
    SELECT s.id, s.organization_id, s.plan_id, s.billing_cycle, s.agent_count, s.coupon_id, s.coupon_cycles_used, s.started_at,
           CASE WHEN s.cancelled_at IS NOT NULL THEN s.cancelled_at
                WHEN s.status IN ('active', 'past_due') THEN 'infinity'::timestamptz
                ELSE '-infinity'::timestamptz END AS active_until
      FROM subscriptions s
     WHERE s.currency = $1 AND ${scope}
  ),
  addon_amounts AS (
    SELECT sa.subscription_id,
           sum(round(CASE WHEN s.billing_cycle = 'annual' THEN a.price_annual ELSE a.price_monthly END
                     * sa.quantity * CASE WHEN a.unit = 'per_agent' THEN s.agent_count ELSE 1 END, ${decimals})) AS amount
      FROM subs s
      JOIN subscription_addons sa ON sa.subscription_id = s.id
      JOIN addons a ON a.id = sa.addon_id AND a.currency = $1
     GROUP BY sa.subscription_id
  ),
  priced AS (
    SELECT s.*, CASE WHEN s.billing_cycle = 'monthly' THEN 12 ELSE 1 END AS cycles,
           round(CASE WHEN s.billing_cycle = 'annual' THEN p.base_price_annual ELSE p.base_price_monthly END, ${decimals})
           + round(p.per_agent_price * CASE WHEN s.billing_cycle = 'annual' THEN 12 ELSE 1 END
                   * GREATEST(0, s.agent_count - COALESCE(p.max_agents, s.agent_count)), ${decimals})
           + COALESCE(aa.amount, 0) AS subtotal
      FROM subs s
      JOIN plan_prices p ON p.id = s.plan_id
      LEFT JOIN addon_amounts aa ON aa.subscription_id = s.id
  ),
  arr AS (
    SELECT pr.id, pr.organization_id, pr.plan_id, pr.started_at, pr.active_until,
           c.valid_from AS discount_from, NULL::timestamptz AS discount_until,
           pr.subtotal * pr.cycles AS arr_full,
           (pr.subtotal - CASE WHEN c.id IS NULL THEN 0
                               WHEN c.discount_type = 'percentage' THEN LEAST(round(pr.subtotal * c.discount_value / 100, ${decimals}), pr.subtotal)
                               ELSE LEAST(round(c.discount_value, ${decimals}), pr.subtotal) END) * pr.cycles AS arr_discounted
      FROM priced pr
      LEFT JOIN coupons c ON c.id = pr.coupon_id
           AND (c.duration = 'forever' OR (c.duration = 'repeating' AND pr.coupon_cycles_used < c.duration_in_cycles))
           AND (cardinality(c.applicable_plans) = 0 OR pr.plan_id = ANY (c.applicable_plans))
           AND (c.discount_type = 'percentage' OR c.currency = $1)
  )`;
}

/** A subscription's ARR at `at` (an SQL timestamptz expression): discounted while its coupon is valid then. */
export function arrAtSql(at: string): string {
  return `CASE WHEN discount_from <= ${at} AND (discount_until IS NULL OR discount_until >= ${at}) THEN arr_discounted ELSE arr_full END`;
}

export function activeAtSql(at: string): string {
  return `(started_at < ${at} AND active_until >= ${at})`;
}
