import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { Decimal, decimalFromJsonNumber, moneyToJson, roundMoney, toDecimal } from '@/lib/money';
import type { TCurrency } from '@/lib/money';
import type { TPlanLimits, TUpdatePlanInput } from './schemas';

export interface TPlanChangePreview {
  /** Subscriptions on the plan with status active or past_due. */
  active_subscriptions: number;
  mrr_before: number;
  mrr_after: number;
  /** mrr_after − mrr_before, both already rounded, so the three figures always agree on screen. */
  mrr_difference: number;
  currency: TCurrency;
}

interface PlanPrices {
  monthly: Decimal;
  annual: Decimal;
  perAgent: Decimal;
  maxAgents: number | null;
}

/**
 * What a plan update would do to the MRR of the plan's active (active or past_due) subscriptions,
 * so the console can show it before saving (SPEC §4). Nothing is written.
 *
 * A subscription's MRR from the plan's prices, with extra = max(0, agent_count − limits.max_agents)
 * (extra = 0 when max_agents is null: every agent is included):
 *   monthly cycle: base_price_monthly + per_agent_price × extra
 *   annual cycle:  (base_price_annual + per_agent_price × 12 × extra) / 12
 * Summed in decimal, the annual part divided by 12 once, and rounded half-up to the currency only
 * at the end. Add-ons and coupons are left out: a plan change does not touch them.
 *
 * The figures are in the plan's current currency: updatePlan refuses a currency change on a plan
 * with subscriptions, so when there is something to preview the currency cannot move.
 */
export async function previewPlanChange(planId: string, input: TUpdatePlanInput): Promise<TPlanChangePreview> {
  const id = parseId(planId, 'plan');
  const plan = await db().plan.findUnique({ where: { id } });
  if (!plan) throw notFound('plan');

  // One row per (cycle, agent count): the work stays small however many subscriptions there are.
  const groups = await db().subscription.groupBy({
    by: ['billingCycle', 'agentCount'],
    where: { planId: id, status: { in: ['active', 'past_due'] } },
    _count: { _all: true },
  });

  const before: PlanPrices = {
    monthly: toDecimal(plan.basePriceMonthly),
    annual: toDecimal(plan.basePriceAnnual),
    perAgent: toDecimal(plan.perAgentPrice),
    maxAgents: (plan.limits as TPlanLimits).max_agents,
  };
  const after: PlanPrices = {
    monthly: input.base_price_monthly === undefined ? before.monthly : decimalFromJsonNumber(input.base_price_monthly),
    annual: input.base_price_annual === undefined ? before.annual : decimalFromJsonNumber(input.base_price_annual),
    perAgent: input.per_agent_price === undefined ? before.perAgent : decimalFromJsonNumber(input.per_agent_price),
    // An update's limits replace the whole object (SPEC §4), so its max_agents is the new one.
    maxAgents: input.limits === undefined ? before.maxAgents : input.limits.max_agents,
  };

  const currency = plan.currency as TCurrency;
  const mrrBefore = roundMoney(totalMrr(before, groups), currency);
  const mrrAfter = roundMoney(totalMrr(after, groups), currency);
  return {
    active_subscriptions: groups.reduce((sum, group) => sum + group._count._all, 0),
    mrr_before: moneyToJson(mrrBefore),
    mrr_after: moneyToJson(mrrAfter),
    mrr_difference: moneyToJson(mrrAfter.minus(mrrBefore)),
    currency,
  };
}

type SubscriptionGroup = { billingCycle: 'monthly' | 'annual'; agentCount: number; _count: { _all: number } };

function totalMrr(prices: PlanPrices, groups: SubscriptionGroup[]): Decimal {
  let monthly = new Decimal(0);
  let annualPerYear = new Decimal(0);
  for (const group of groups) {
    const extra = prices.maxAgents === null ? 0 : Math.max(0, group.agentCount - prices.maxAgents);
    const count = group._count._all;
    if (group.billingCycle === 'monthly') {
      monthly = monthly.plus(prices.monthly.plus(prices.perAgent.times(extra)).times(count));
    } else {
      annualPerYear = annualPerYear.plus(prices.annual.plus(prices.perAgent.times(12).times(extra)).times(count));
    }
  }
  return monthly.plus(annualPerYear.dividedBy(12));
}
