import type { TPlanBreakdown } from '@/lib/billing/analytics/schemas';
import { decimalFromJsonNumber, formatMoney } from '@/lib/money';

/** One bar of the MRR-by-plan chart, with the exact amounts formatted on the server. */
export interface TPlanPoint {
  slug: string;
  name: string;
  mrr: number;
  subscriptions: number;
  mrrText: string;
  revenueText: string;
  subscriptionsText: string;
}

/** Height of one plan's row: the chart grows with the number of plans instead of squeezing them. */
export const PLAN_ROW_PX = 52;

const COUNT = new Intl.NumberFormat('en-US');

export function subscriptionCount(count: number): string {
  return `${COUNT.format(count)} ${count === 1 ? 'subscription' : 'subscriptions'}`;
}

/**
 * The plans with something to show — subscribers or MRR at the end of the range, or revenue in it —
 * in the plans list's order (tier order, as on the plans page). Idle plans would be empty rows.
 */
export function planPoints(breakdown: TPlanBreakdown): TPlanPoint[] {
  const money = (amount: number) => formatMoney(decimalFromJsonNumber(amount), breakdown.currency);
  return breakdown.plans
    .filter((plan) => plan.active_subscriptions > 0 || plan.mrr !== 0 || plan.gross_revenue !== 0)
    .map((plan) => ({
      slug: plan.slug,
      name: plan.is_active ? plan.name : `${plan.name} (inactive)`,
      mrr: plan.mrr,
      subscriptions: plan.active_subscriptions,
      mrrText: money(plan.mrr),
      revenueText: money(plan.gross_revenue),
      subscriptionsText: subscriptionCount(plan.active_subscriptions),
    }));
}
