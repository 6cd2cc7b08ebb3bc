/**
 * The SQL every analytics query shares: when a subscription is active, and what it recurs for.
 * Definitions and worked examples: docs/METRICS.md. Values are always bound parameters.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import { currencyDecimals } from '@/lib/money';

/** An instant as a bound timestamptz parameter (an ISO string with Z: no session time zone involved). */
export function instant(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString()}::timestamptz`;
}

/**
 * True for a row with `subscriptions`' columns that is active at the instant `at` (a timestamptz
 * expression: `instant(date)` or a column): started before it and not cancelled by then.
 * `cancelled_at` is the history; `status` is only today's state, so a subscription cancelled
 * since still counts as active before its cancellation (it must, to be in the churn rate's
 * denominator). A row marked cancelled without a date never counts.
 *
 * "Before `at`" (not "at or before") makes a snapshot the state at the end of the half-open range
 * that ends at `at`, so active(to) = active(from) + new − churned exactly.
 */
export function activeAt(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(started_at < ${at} AND (cancelled_at >= ${at} OR (cancelled_at IS NULL AND status IN ('active', 'past_due'))))`;
}

/**
 * A `subscription_arr` row's annual recurring revenue at the instant `at`: with its recurring
 * discount while the coupon's validity window covers `at`, without it outside.
 */
export function arrAt(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN discount_from <= ${at} AND (discount_until IS NULL OR discount_until >= ${at}) THEN arr_discounted ELSE arr_full END)`;
}

/**
 * CTEs (without the leading WITH) ending in `subscription_arr`: one row per subscription in
 * `currency` that is active at some instant of [activeFrom, activeTo], with the columns activeAt()
 * reads (and id, organization_id, plan_id), its annual recurring revenue without (`arr_full`) and
 * with (`arr_discounted`) its recurring discount, and that coupon's validity window
 * (`discount_from`, `discount_until`; null when no recurring discount applies). Read it through
 * arrAt(); MRR = sum(arrAt) / 12, divided once, after the sum.
 *
 * One billing cycle's charge is what issueInvoice would bill for it (computeInvoice's rules),
 * without overage (usage, not recurring), tax, or one-time discounts:
 *   base price of the cycle
 *   + per_agent_price × (12 on annual) × max(0, agent_count − limits.max_agents)   (null = unlimited)
 *   + Σ add-ons in the subscription's currency: price of the cycle × quantity × (agent_count when per_agent)
 *   − the coupon when it keeps applying: duration forever, or repeating with cycles left, and
 *     redeemable as redeemCoupon judges it (active, not exhausted, the plan eligible, a fixed
 *     amount only in the subscription's currency; the validity window is judged at the snapshot
 *     by arrAt): a percentage of the subtotal, or the fixed amount, never above the subtotal.
 * Each line is rounded to the currency as the invoice engine rounds it, so a monthly
 * subscription's MRR is exactly its next invoice before tax and overage. ARR is that charge × 12
 * for monthly cycles and the charge itself for annual ones: exact, no division per row.
 */
export function subscriptionArrCtes(currency: string, activeFrom: Date, activeTo: Date): Prisma.Sql {
  const decimals = currencyDecimals(currency);
  const round = (amount: Prisma.Sql) => Prisma.sql`round(${amount}, ${decimals}::int)`;
  const relevant = Prisma.sql`s.currency = ${currency} AND s.started_at < ${instant(activeTo)}
         AND (s.cancelled_at IS NULL OR s.cancelled_at >= ${instant(activeFrom)})`;
  // Per plan, once: the rounded base price and the per-agent unit price of each cycle, and the
  // included agents (reading jsonb for every subscription would cost more than the rest).
  return Prisma.sql`
    plan_prices AS MATERIALIZED (
      SELECT id, ${round(Prisma.sql`base_price_monthly`)} AS base_monthly, ${round(Prisma.sql`base_price_annual`)} AS base_annual,
             per_agent_price AS per_agent_monthly, per_agent_price * 12 AS per_agent_annual,
             (limits ->> 'max_agents')::int AS max_agents
        FROM plans
    ),
    addon_charges AS (
      SELECT sa.subscription_id,
             sum(${round(Prisma.sql`
               CASE WHEN s.billing_cycle = 'annual' THEN a.price_annual ELSE a.price_monthly END
               * (sa.quantity * CASE WHEN a.unit = 'per_agent' THEN s.agent_count ELSE 1 END)`)}) AS amount
        FROM subscription_addons sa
        JOIN subscriptions s ON s.id = sa.subscription_id
        JOIN addons a ON a.id = sa.addon_id AND a.currency = s.currency
       WHERE ${relevant}
       GROUP BY sa.subscription_id
    ),
    subscription_charges AS (
      SELECT s.id, s.organization_id, s.plan_id, s.status, s.started_at, s.cancelled_at, s.coupon_id, s.coupon_cycles_used,
             CASE WHEN s.billing_cycle = 'monthly' THEN 12 ELSE 1 END AS cycles_per_year,
             CASE WHEN s.billing_cycle = 'annual' THEN p.base_annual ELSE p.base_monthly END
             + CASE WHEN s.agent_count > p.max_agents
                    THEN ${round(Prisma.sql`CASE WHEN s.billing_cycle = 'annual' THEN p.per_agent_annual ELSE p.per_agent_monthly END * (s.agent_count - p.max_agents)`)}
                    ELSE 0 END
             + COALESCE(ac.amount, 0) AS subtotal
        FROM subscriptions s
        JOIN plan_prices p ON p.id = s.plan_id
        LEFT JOIN addon_charges ac ON ac.subscription_id = s.id
       WHERE ${relevant}
    ),
    subscription_arr AS (
      SELECT sc.id, sc.organization_id, sc.plan_id, sc.status, sc.started_at, sc.cancelled_at,
             c.valid_from AS discount_from, NULL::timestamptz AS discount_until, -- validity is judged when applied (SPEC §10)
             sc.subtotal * sc.cycles_per_year AS arr_full,
             (sc.subtotal - CASE
                WHEN c.id IS NULL THEN 0
                WHEN c.discount_type = 'percentage' THEN LEAST(${round(Prisma.sql`sc.subtotal * c.discount_value / 100`)}, sc.subtotal)
                ELSE LEAST(${round(Prisma.sql`c.discount_value`)}, sc.subtotal)
              END) * sc.cycles_per_year AS arr_discounted
        FROM subscription_charges sc
        LEFT JOIN coupons c ON c.id = sc.coupon_id
             AND (c.duration = 'forever' OR (c.duration = 'repeating' AND sc.coupon_cycles_used < c.duration_in_cycles))
             AND (cardinality(c.applicable_plans) = 0 OR sc.plan_id = ANY (c.applicable_plans))
             AND (c.discount_type = 'percentage' OR c.currency = ${currency})
    )`;
}
