import type { Prisma } from '../../lib/generated/prisma/client';
import { monthStart } from './calendar';
import { seedUuid } from './prng';

/**
 * The four demo plans, priced in rupiah. Annual = monthly × 10 (the seed's default: two months
 * free). Per-agent and overage prices fall as plans grow, so upgrading pays off for heavy users.
 */
interface TPlanSeed {
  slug: string;
  name: string;
  monthly: number;
  perAgent: number;
  overage: number;
  limits: { max_agents: number | null; max_contacts: number | null; max_messages_month: number | null; max_channels: number | null; max_ai_agents: number | null };
  features: { ai_agent: boolean; api_access: boolean; dedicated_support: boolean };
}

const PLANS: TPlanSeed[] = [
  {
    slug: 'starter', name: 'Starter', monthly: 299_000, perAgent: 59_000, overage: 300,
    limits: { max_agents: 3, max_contacts: 1_000, max_messages_month: 5_000, max_channels: 2, max_ai_agents: 0 },
    features: { ai_agent: false, api_access: false, dedicated_support: false },
  },
  {
    slug: 'growth', name: 'Growth', monthly: 799_000, perAgent: 79_000, overage: 250,
    limits: { max_agents: 10, max_contacts: 10_000, max_messages_month: 25_000, max_channels: 5, max_ai_agents: 1 },
    features: { ai_agent: true, api_access: true, dedicated_support: false },
  },
  {
    slug: 'pro', name: 'Pro', monthly: 1_999_000, perAgent: 69_000, overage: 200,
    limits: { max_agents: 25, max_contacts: 50_000, max_messages_month: 100_000, max_channels: 10, max_ai_agents: 3 },
    features: { ai_agent: true, api_access: true, dedicated_support: false },
  },
  {
    slug: 'enterprise', name: 'Enterprise', monthly: 4_999_000, perAgent: 49_000, overage: 150,
    limits: { max_agents: 100, max_contacts: null, max_messages_month: 500_000, max_channels: null, max_ai_agents: null },
    features: { ai_agent: true, api_access: true, dedicated_support: true },
  },
];

export const PLAN_SLUGS = PLANS.map((plan) => plan.slug);

export function planSeedRows(now: Date): Prisma.PlanCreateManyInput[] {
  const created = monthStart(now, -36);
  return PLANS.map((plan, index) => ({
    id: seedUuid(`plan:${plan.slug}`),
    name: plan.name,
    slug: plan.slug,
    currency: 'IDR',
    basePriceMonthly: String(plan.monthly),
    basePriceAnnual: String(plan.monthly * 10),
    perAgentPrice: String(plan.perAgent),
    overageMessagePrice: String(plan.overage),
    limits: plan.limits,
    features: plan.features,
    isActive: true,
    sortOrder: (index + 1) * 10,
    createdAt: created,
    updatedAt: created,
  }));
}
