import { Prisma } from '@/lib/generated/prisma/client';
import { currencyDecimals, moneyToJson, type DecimalLike, type TCurrency } from '@/lib/money';
import { startOfDay } from './date-range';
import { activeAt, arrAt, instant, subscriptionArrCtes } from './mrr-sql';
import { queryAnalytics } from './query-analytics';
import type { TAnalyticsQuery, TPlanBreakdown } from './schemas';

interface PlanRow {
  plan_id: string;
  name: string;
  slug: string;
  is_active: boolean;
  active_subscriptions: number;
  mrr: DecimalLike;
  gross_revenue: DecimalLike;
}

/**
 * Per plan: subscriptions active at `to` and their MRR, and revenue paid in [from, to)
 * (docs/METRICS.md). Every plan priced in the currency is listed, inactive and idle ones too (with
 * zeros), plus any other plan that has figures in it, in the plans list's order. Revenue is
 * attributed to the plan each invoice was issued under (`invoices.plan_id`), summed by an
 * index-only scan of invoices_paid_analytics_idx with no join; MRR to each subscription's plan
 * now. Each row's MRR is rounded on its own, so the rows may differ from the overview's total by
 * a minor unit.
 */
export async function getPlanBreakdown(query: TAnalyticsQuery): Promise<TPlanBreakdown> {
  const { currency, from, to } = query;
  const decimals = currencyDecimals(currency);
  const end = startOfDay(to);
  const tEnd = instant(end);

  const rows = await queryAnalytics<PlanRow>(Prisma.sql`
    WITH ${subscriptionArrCtes(currency, end, end)},
    plan_mrr AS (
      SELECT plan_id, count(*)::int AS active_subscriptions, sum(${arrAt(tEnd)}) AS arr_exact
        FROM subscription_arr
       WHERE ${activeAt(tEnd)}
       GROUP BY plan_id
    ),
    plan_revenue AS (
      SELECT plan_id, sum(amount_paid) AS gross_revenue
        FROM invoices
       WHERE currency = ${currency} AND paid_at >= ${instant(startOfDay(from))} AND paid_at < ${tEnd}
       GROUP BY plan_id
    )
    SELECT p.id AS plan_id, p.name, p.slug, p.is_active,
           COALESCE(m.active_subscriptions, 0) AS active_subscriptions,
           round(COALESCE(m.arr_exact, 0) / 12, ${decimals}::int) AS mrr,
           COALESCE(r.gross_revenue, 0) AS gross_revenue
      FROM plans p
      LEFT JOIN plan_mrr m ON m.plan_id = p.id
      LEFT JOIN plan_revenue r ON r.plan_id = p.id
     WHERE p.currency = ${currency} OR m.plan_id IS NOT NULL OR r.plan_id IS NOT NULL
     ORDER BY p.sort_order, p.created_at, p.id`);

  return {
    currency: currency as TCurrency,
    from,
    to,
    plans: rows.map((row) => ({
      plan_id: row.plan_id,
      name: row.name,
      slug: row.slug,
      is_active: row.is_active,
      active_subscriptions: row.active_subscriptions,
      mrr: moneyToJson(row.mrr),
      gross_revenue: moneyToJson(row.gross_revenue),
    })),
  };
}
