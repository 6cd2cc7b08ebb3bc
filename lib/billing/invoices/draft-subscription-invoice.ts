import { randomUUID } from 'node:crypto';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db';
import type { Addon, Coupon, Plan, Subscription } from '@/lib/generated/prisma/client';
import { computeInvoice } from './compute-invoice';
import type { TInvoiceDraft } from './insert-invoices';
import { takeInvoiceCoupon, type TInvoiceCoupon } from './invoice-coupon';

export interface TSubscriptionPrices {
  plan: Plan;
  /** The subscription's add-ons in its currency, with their quantities. */
  addons: { addon: Addon; quantity: number }[];
  /** The subscription's coupon row (coupon_id), or null: whether it still discounts is decided here. */
  coupon: Coupon | null;
}

export interface TDraftOptions {
  periodStart: Date;
  periodEnd: Date;
  /** Messages for the overage line (ignored on annual invoices). */
  messagesUsed: number;
  issuedAt: Date;
  dueInDays?: number;
  /** What the overage line's messages cover, when it is not the invoice's own period (a renewal bills the closed one). */
  overageLabel?: string;
}

/**
 * A subscription period's invoice, priced with the engine (compute-invoice.ts) at today's prices
 * (the invoice keeps its own copy), with the subscription's coupon when it still covers this cycle
 * and fits (invoice-coupon.ts). Pure: the caller reads the prices (readSubscriptionPrices, or the
 * billing run for a whole batch at once). Not yet written: insertInvoices numbers and writes it;
 * the caller then spends the coupon's cycle (recordInvoiceCoupons).
 */
export function draftSubscriptionInvoice(subscription: Subscription, prices: TSubscriptionPrices, options: TDraftOptions): { draft: TInvoiceDraft; coupon: TInvoiceCoupon | null } {
  const { plan } = prices;
  const coupon = takeInvoiceCoupon(subscription, prices.coupon);
  const computed = computeInvoice({
    currency: subscription.currency,
    billingCycle: subscription.billingCycle,
    plan: { ...plan, limits: plan.limits as { max_agents: number | null; max_messages_month: number | null } },
    agentCount: subscription.agentCount,
    messagesUsed: options.messagesUsed,
    addons: prices.addons.map(({ addon, quantity }) => ({ id: addon.id, name: addon.name, unit: addon.unit, priceMonthly: addon.priceMonthly, priceAnnual: addon.priceAnnual, quantity })),
    coupon: coupon?.coupon ?? null,
    taxRate: config().TAX_RATE,
  });
  if (options.overageLabel) {
    for (const line of computed.lines) if (line.kind === 'overage') line.description = `${line.description} (${options.overageLabel})`;
  }
  const draft: TInvoiceDraft = {
    id: randomUUID(), kind: 'subscription',
    organizationId: subscription.organizationId, subscriptionId: subscription.id, planId: plan.id, currency: subscription.currency,
    periodStart: options.periodStart, periodEnd: options.periodEnd, computed,
    couponId: coupon && computed.discountTotal.gt(0) ? coupon.coupon.id : null,
    issuedAt: options.issuedAt, dueAt: new Date(options.issuedAt.getTime() + (options.dueInDays ?? 14) * 86_400_000),
    audit: { coupon: coupon?.coupon.code ?? null },
  };
  return { draft, coupon };
}

/** The prices draftSubscriptionInvoice needs, read for one subscription. */
export async function readSubscriptionPrices(tx: Tx, subscription: Subscription): Promise<TSubscriptionPrices> {
  const [plan, addons, coupon] = await Promise.all([
    tx.plan.findUniqueOrThrow({ where: { id: subscription.planId } }),
    tx.subscriptionAddon.findMany({ where: { subscriptionId: subscription.id, addon: { currency: subscription.currency } }, include: { addon: true } }),
    subscription.couponId ? tx.coupon.findUniqueOrThrow({ where: { id: subscription.couponId } }) : null,
  ]);
  return { plan, addons, coupon };
}
