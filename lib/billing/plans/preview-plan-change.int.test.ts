import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import { previewPlanChange } from './preview-plan-change';
import type { TPlanLimits } from './schemas';

let counter = 0;
const limits = (max_agents: number | null): TPlanLimits => ({ max_agents, max_contacts: 1000, max_messages_month: 10000, max_channels: 3, max_ai_agents: null });

async function planWith(prices: { currency?: string; monthly: string; annual: string; perAgent: string; maxAgents: number | null }) {
  return db().plan.create({
    data: {
      name: 'Preview',
      slug: `preview-${++counter}`,
      currency: prices.currency ?? 'IDR',
      basePriceMonthly: prices.monthly,
      basePriceAnnual: prices.annual,
      perAgentPrice: prices.perAgent,
      overageMessagePrice: '0',
      limits: limits(prices.maxAgents),
      features: { ai_agent: false, api_access: false, dedicated_support: false },
    },
  });
}

async function subscribe(planId: string, billingCycle: 'monthly' | 'annual', agentCount: number, status: 'active' | 'past_due' | 'cancelled' = 'active') {
  const org = await db().organization.create({ data: { name: 'Org', slug: `preview-org-${++counter}`, billingEmail: 'billing@example.com', country: 'ID' } });
  const now = new Date();
  const plan = await db().plan.findUniqueOrThrow({ where: { id: planId } });
  await db().subscription.create({
    data: { organizationId: org.id, planId, status, billingCycle, currency: plan.currency, agentCount, startedAt: now, currentPeriodStart: now, currentPeriodEnd: now },
  });
}

describe('previewPlanChange', () => {
  it('sums the MRR of active and past_due subscriptions before and after a price and limit change', async () => {
    const plan = await planWith({ monthly: '799000', annual: '7990000', perAgent: '79000', maxAgents: 10 });
    await subscribe(plan.id, 'monthly', 12); // 799000 + 79000 × 2 = 957000
    await subscribe(plan.id, 'annual', 13); // (7990000 + 79000 × 12 × 3) / 12 = 902833.33…
    await subscribe(plan.id, 'monthly', 5, 'past_due'); // 799000, no extra agents
    await subscribe(plan.id, 'monthly', 40, 'cancelled'); // not counted
    const other = await planWith({ monthly: '1', annual: '10', perAgent: '1', maxAgents: 0 });
    await subscribe(other.id, 'monthly', 3); // another plan: not counted

    const preview = await previewPlanChange(plan.id, { base_price_monthly: 899000, per_agent_price: 99000, limits: limits(12) });

    // Before: 957000 + 902833.33… + 799000 = 2658833.33… → 2658833.
    // After: 899000 (12 agents now included) + (7990000 + 99000 × 12 × 1) / 12 = 764833.33… + 899000 = 2562833.33… → 2562833.
    expect(preview).toEqual({ active_subscriptions: 3, mrr_before: 2658833, mrr_after: 2562833, mrr_difference: -96000, currency: 'IDR' });
  });

  it('null max_agents includes every agent; the total is rounded half-up once, at the end', async () => {
    const plan = await planWith({ monthly: '100000', annual: '1000002', perAgent: '50000', maxAgents: null });
    await subscribe(plan.id, 'monthly', 7); // 100000
    for (let i = 0; i < 3; i++) await subscribe(plan.id, 'annual', 40); // 1000002 / 12 = 83333.5 each

    const preview = await previewPlanChange(plan.id, { limits: limits(5) });

    // Before: 100000 + 3 × 83333.5 = 350000.5 → 350001 (rounding each subscription would give 350002).
    // After (5 included): 100000 + 50000 × 2 = 200000, plus 3 × (1000002 + 50000 × 12 × 35) / 12
    // = 3 × 1833333.5, total 5700000.5 → 5700001.
    expect(preview).toEqual({ active_subscriptions: 4, mrr_before: 350001, mrr_after: 5700001, mrr_difference: 5350000, currency: 'IDR' });
  });

  it('computes cents exactly and rounds to the currency (USD: 2 decimals)', async () => {
    const plan = await planWith({ currency: 'USD', monthly: '10.1', annual: '101.01', perAgent: '0.35', maxAgents: 1 });
    await subscribe(plan.id, 'monthly', 3); // 10.10 + 0.35 × 2 = 10.80
    await subscribe(plan.id, 'annual', 2); // (101.01 + 0.35 × 12) / 12 = 8.7675

    const preview = await previewPlanChange(plan.id, { base_price_annual: 99.99 });

    // Before: 19.5675 → 19.57. After: 10.80 + (99.99 + 4.20) / 12 = 10.80 + 8.6825 = 19.4825 → 19.48.
    expect(preview).toEqual({ active_subscriptions: 2, mrr_before: 19.57, mrr_after: 19.48, mrr_difference: -0.09, currency: 'USD' });
  });

  it('an empty change and a plan without subscriptions give no difference', async () => {
    const used = await planWith({ monthly: '299000', annual: '2990000', perAgent: '59000', maxAgents: 3 });
    await subscribe(used.id, 'monthly', 4); // 299000 + 59000
    expect(await previewPlanChange(used.id, {})).toMatchObject({ active_subscriptions: 1, mrr_before: 358000, mrr_after: 358000, mrr_difference: 0 });

    const unused = await planWith({ monthly: '299000', annual: '2990000', perAgent: '59000', maxAgents: 3 });
    expect(await previewPlanChange(unused.id, { base_price_monthly: 1 })).toEqual({
      active_subscriptions: 0, mrr_before: 0, mrr_after: 0, mrr_difference: 0, currency: 'IDR',
    });
  });

  it('an unknown or malformed plan id is 404', async () => {
    await expect(previewPlanChange(crypto.randomUUID(), {})).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(previewPlanChange('nope', {})).rejects.toBeInstanceOf(BillingError);
  });
});
