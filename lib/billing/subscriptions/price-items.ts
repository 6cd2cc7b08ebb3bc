import { computeInvoice, type TComputedInvoice, type TInvoiceCoupon } from '@/lib/billing/invoices/compute-invoice';
import type { Addon, Coupon, Plan } from '@/lib/generated/prisma/client';
import { Decimal, roundMoney } from '@/lib/money';
import type { TBillingCycle } from '../periods/billing-period';
import { coversNextInvoice } from './cycles-left';
import { RECURRING_KINDS, monthlyEquivalent, sumAmounts } from './proration';

/** What a subscription is made of: the terms a change replaces. */
export interface TItems {
  plan: Plan;
  billingCycle: TBillingCycle;
  agentCount: number;
  /** Stored quantities: 1 for a per-agent add-on (the engine multiplies by the agents). */
  addons: { addon: Addon; quantity: number }[];
}

/** One full period's invoice for these items, with no usage (compute-invoice rules). */
export function periodInvoice(items: TItems, currency: string, coupon: TInvoiceCoupon | null, taxRate: Decimal.Value): TComputedInvoice {
  return computeInvoice({
    currency,
    billingCycle: items.billingCycle,
    plan: { ...items.plan, limits: items.plan.limits as { max_agents: number | null; max_messages_month: number | null } },
    agentCount: items.agentCount,
    messagesUsed: 0,
    addons: items.addons
      .filter(({ addon }) => addon.currency === currency)
      .map(({ addon, quantity }) => ({ id: addon.id, name: addon.name, unit: addon.unit, priceMonthly: addon.priceMonthly, priceAnnual: addon.priceAnnual, quantity })),
    coupon,
    taxRate,
  });
}

/** Recurring amount per month before discounts: what decides a change's direction (SPEC §10). */
export function recurringPerMonth(items: TItems, currency: string): Decimal {
  return monthlyEquivalent(sumAmounts(periodInvoice(items, currency, null, 0).lines, RECURRING_KINDS), items.billingCycle);
}

/** Whether a coupon can discount invoices of this plan and currency (its restriction, not its window: that was judged when applied). */
export function couponFits(coupon: Pick<Coupon, 'applicablePlans' | 'discountType' | 'currency'>, planId: string, currency: string): boolean {
  const plans = coupon.applicablePlans;
  if (plans.length > 0 && !plans.includes(planId)) return false;
  return coupon.discountType === 'percentage' || coupon.currency === currency;
}

/**
 * MRR contribution (SPEC §7, docs/METRICS.md): the recurring amount per month after a discount that
 * keeps applying (forever, or repeating with cycles left), rounded to the currency.
 */
export function mrrOf(items: TItems, currency: string, coupon: Coupon | null, couponCyclesUsed: number): Decimal {
  const recurring = coupon && coupon.duration !== 'once' && coversNextInvoice(coupon, couponCyclesUsed) && couponFits(coupon, items.plan.id, currency) ? coupon : null;
  const invoice = periodInvoice(items, currency, recurring, 0);
  return roundMoney(monthlyEquivalent(invoice.total, items.billingCycle), currency);
}
