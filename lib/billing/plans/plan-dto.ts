import type { Plan } from '@/lib/generated/prisma/client';
import { moneyToJson } from '@/lib/money';
import type { TPlan, TPlanFeatures, TPlanLimits } from './schemas';

/** A plan row as the API shows it: seed field names, money as JSON numbers in major units. */
export function planToDto(plan: Plan): TPlan {
  return {
    id: plan.id,
    name: plan.name,
    slug: plan.slug,
    currency: plan.currency as TPlan['currency'],
    base_price_monthly: moneyToJson(plan.basePriceMonthly),
    base_price_annual: moneyToJson(plan.basePriceAnnual),
    per_agent_price: moneyToJson(plan.perAgentPrice),
    overage_message_price: moneyToJson(plan.overageMessagePrice),
    limits: plan.limits as TPlanLimits,
    features: plan.features as TPlanFeatures,
    is_active: plan.isActive,
    sort_order: plan.sortOrder,
    created_at: plan.createdAt.toISOString(),
    updated_at: plan.updatedAt.toISOString(),
  };
}
