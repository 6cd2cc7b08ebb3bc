import type { TPlan } from '@/lib/billing/plans/schemas';
import type { TWorstCasePlan } from '@/lib/billing/coupons/worst-case-cost';

/** What the coupon screens need to know about a plan: its name and price for the worst-case estimate. */
export type TCouponPlanOption = TWorstCasePlan & { is_active: boolean };

export function toCouponPlanOption(plan: TPlan): TCouponPlanOption {
  return { id: plan.id, name: plan.name, currency: plan.currency, base_price_monthly: plan.base_price_monthly, is_active: plan.is_active };
}
