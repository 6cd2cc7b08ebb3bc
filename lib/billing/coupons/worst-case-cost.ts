import { Decimal, roundMoney } from '@/lib/money';

/** The plan facts the estimate needs (the console passes its plan list). */
export interface TWorstCasePlan {
  id: string;
  name: string;
  currency: string;
  base_price_monthly: number;
}

export interface TWorstCaseInput {
  discountType: 'percentage' | 'fixed';
  discountValue: number;
  /** Fixed coupons only. */
  currency: string | null;
  maxUses: number | null;
  /** Restriction; empty means every plan (then the active plans are estimated). */
  applicablePlanIds: readonly string[];
  plans: readonly TWorstCasePlan[];
}

export interface TWorstCaseLine {
  /** A plan name for percentages; null for a fixed amount (the same on every plan). */
  planName: string | null;
  currency: string;
  perUse: Decimal;
  /** perUse × max_uses; null when max_uses is unlimited (the total is unbounded). */
  total: Decimal | null;
}

/**
 * What a coupon can cost at most, shown before saving it: each use discounts one invoice, so a
 * percentage costs at most value% of a plan's monthly price per use and a fixed coupon its amount
 * (a fixed discount is never larger than the invoice, SPEC §5, so this is an upper bound).
 * Pure and decimal: never float arithmetic on money.
 */
export function worstCaseCost(input: TWorstCaseInput): TWorstCaseLine[] {
  if (!Number.isFinite(input.discountValue) || input.discountValue <= 0) return [];
  const value = new Decimal(String(input.discountValue));
  const times = (perUse: Decimal) => (input.maxUses === null ? null : perUse.times(input.maxUses));
  if (input.discountType === 'fixed') {
    const currency = input.currency ?? 'IDR';
    return [{ planName: null, currency, perUse: value, total: times(value) }];
  }
  const plans = input.applicablePlanIds.length ? input.plans.filter((plan) => input.applicablePlanIds.includes(plan.id)) : input.plans;
  return plans.map((plan) => {
    const perUse = roundMoney(new Decimal(String(plan.base_price_monthly)).times(value).dividedBy(100), plan.currency);
    return { planName: plan.name, currency: plan.currency, perUse, total: times(perUse) };
  });
}
