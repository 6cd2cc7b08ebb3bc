import type { Prisma } from '../../lib/generated/prisma/client';
import { DAY, HOUR, addTime, minDate, monthStart } from './calendar';
import { scheduleDemoInvoices, type TDemoInvoice } from './demo-invoices';
import { buildDemoSubscriptions, type TDemoSubscription, type TSeedCatalog } from './demo-subscriptions';
import { settleDemoInvoices, type TInvoiceOutcome } from './invoice-outcomes';
import type { TOrganizationSeed } from './organizations';
import { createPrng, seedUuid, type TPrng } from './prng';
import { addStuckDemoRefund } from './stuck-demo-refund';

/** Fixed, so every installation gets the same demo tenants and invoices. */
const DEMO_SEED = 20_261_125;
const PAYMENT_METHODS = ['bank_transfer', 'virtual_account', 'card', 'qris', 'ewallet'];

export interface TDemoBilling {
  organizations: Prisma.OrganizationCreateManyInput[];
  subscriptions: Prisma.SubscriptionCreateManyInput[];
  subscriptionAddons: Prisma.SubscriptionAddonCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  invoiceLines: Prisma.InvoiceLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  refunds: Prisma.RefundCreateManyInput[];
  redemptions: Prisma.CouponRedemptionCreateManyInput[];
  /** Redemptions per coupon id: what the coupons' current_uses must grow by. */
  couponUses: Map<string, number>;
}

/**
 * The demo tenants with 12 months of billing history, as rows ready for createMany. Pure: the
 * same catalog and month give the same rows. `refundActorId` is the super-admin the demo refunds
 * are attributed to.
 */
export function buildDemoBilling(input: {
  now: Date;
  organizations: readonly TOrganizationSeed[];
  catalog: TSeedCatalog;
  refundActorId: string | null;
}): TDemoBilling {
  const { now } = input;
  const rng = createPrng(DEMO_SEED);
  const subscriptions = buildDemoSubscriptions(rng, now, input.organizations, input.catalog);
  const { invoices, couponCyclesUsed } = scheduleDemoInvoices(rng, now, subscriptions);
  const outcomes = settleDemoInvoices(rng, now, invoices);

  const billing: TDemoBilling = {
    organizations: subscriptions.map((s) => organizationRow(rng, s)),
    subscriptions: subscriptions.map((s) => subscriptionRow(now, s, invoices, outcomes, couponCyclesUsed.get(s.id) ?? 0)),
    subscriptionAddons: subscriptions.flatMap((s) =>
      s.addons.map(({ addon, quantity }) => ({ subscriptionId: s.id, addonId: addon.id, quantity, createdAt: s.startedAt })),
    ),
    invoices: [],
    invoiceLines: [],
    payments: [],
    refunds: [],
    redemptions: [],
    couponUses: new Map(),
  };
  for (const invoice of invoices) addInvoiceRows(rng, now, billing, invoice, outcomes.get(invoice.id)!, input.refundActorId);
  addStuckDemoRefund(billing, now, input.refundActorId);
  scheduleDemoChanges(billing.subscriptions, subscriptions, input.catalog);
  return billing;
}

/**
 * Customers in the states the customer page shows (SPEC §10): two live monthly subscriptions above
 * Starter with a downgrade to Starter scheduled for their period end, and the next two live ones
 * cancelling at their period end. Deterministic: the first such subscriptions in build order.
 */
function scheduleDemoChanges(rows: Prisma.SubscriptionCreateManyInput[], demo: readonly TDemoSubscription[], catalog: TSeedCatalog): void {
  const starter = catalog.plans.find((plan) => plan.slug === 'starter');
  if (!starter) return;
  const live = rows.map((row, index) => ({ row, demo: demo[index]! })).filter(({ row }) => row.status !== 'cancelled');
  const downgrades = live.filter(({ row, demo }) => row.billingCycle === 'monthly' && demo.plan.slug !== 'starter').slice(0, 2);
  for (const { row, demo } of downgrades) {
    const coupon = demo.coupon;
    const removesCoupon = row.couponId && coupon && coupon.applicablePlans.length > 0 && !coupon.applicablePlans.includes(starter.id) ? coupon.id : null;
    row.pendingChange = {
      plan_id: starter.id, billing_cycle: 'monthly', agent_count: demo.agentCount,
      addons: demo.addons.map(({ addon, quantity }) => ({ addon_id: addon.id, quantity: addon.unit === 'per_agent' ? demo.agentCount : quantity })),
      effective_at: (row.currentPeriodEnd as Date).toISOString(), requested_at: (row.currentPeriodStart as Date).toISOString(), removes_coupon: removesCoupon,
    };
  }
  const picked = new Set(downgrades.map(({ row }) => row.id));
  for (const { row } of live.filter(({ row }) => !picked.has(row.id)).slice(0, 2)) {
    row.cancelAtPeriodEnd = true;
    row.cancelReason = 'Moving to an in-house tool at the end of the period.';
  }
}

function organizationRow(rng: TPrng, s: TDemoSubscription): Prisma.OrganizationCreateManyInput {
  const createdAt = addTime(s.startedAt, -rng.int(1, 20) * DAY - rng.int(0, 23) * HOUR);
  return { id: s.organizationId, ...s.organization, createdAt, updatedAt: createdAt };
}

function subscriptionRow(
  now: Date,
  s: TDemoSubscription,
  invoices: readonly TDemoInvoice[],
  outcomes: ReadonlyMap<string, TInvoiceOutcome>,
  couponCyclesUsed: number,
): Prisma.SubscriptionCreateManyInput {
  // The period containing today, or the day it was cancelled.
  const until = s.cancelledAt ? minDate(s.cancelledAt, now) : now;
  const months = s.billingCycle === 'annual' ? 12 : 1;
  let periodOffset = s.startOffset;
  while (monthStart(now, periodOffset + months).getTime() <= until.getTime()) periodOffset += months;

  const overdue = invoices.some((invoice) => {
    const outcome = outcomes.get(invoice.id)!;
    return invoice.subscription === s && outcome.status === 'open' && outcome.dueAt!.getTime() < now.getTime();
  });
  return {
    id: s.id,
    organizationId: s.organizationId,
    planId: s.plan.id,
    status: s.cancelledAt ? 'cancelled' : overdue ? 'past_due' : 'active',
    billingCycle: s.billingCycle,
    currency: s.plan.currency,
    agentCount: s.agentCount,
    // A coupon that never discounted an invoice was never applied (it was exhausted or expired first).
    couponId: couponCyclesUsed > 0 ? (s.coupon?.id ?? null) : null,
    couponCyclesUsed,
    startedAt: s.startedAt,
    currentPeriodStart: monthStart(now, periodOffset),
    currentPeriodEnd: monthStart(now, periodOffset + months),
    cancelledAt: s.cancelledAt,
    createdAt: s.startedAt,
    updatedAt: s.cancelledAt ?? s.startedAt,
  };
}

function addInvoiceRows(
  rng: TPrng,
  now: Date,
  billing: TDemoBilling,
  invoice: TDemoInvoice,
  outcome: TInvoiceOutcome,
  refundActorId: string | null,
): void {
  const { computed, subscription } = invoice;
  const paid = outcome.paidAt !== null;
  // A draft is opened an hour into its period, or now if the period began less than an hour ago.
  const createdAt = invoice.issuedAt ?? minDate(addTime(invoice.periodStart, HOUR), now);
  const lastEvent = outcome.refund?.at ?? outcome.paidAt ?? outcome.voidedAt ?? createdAt;

  billing.invoices.push({
    id: invoice.id,
    number: invoice.number,
    organizationId: subscription.organizationId,
    subscriptionId: subscription.id,
    planId: subscription.plan.id,
    currency: computed.currency,
    status: outcome.status,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    subtotal: computed.subtotal.toFixed(),
    discountTotal: computed.discountTotal.toFixed(),
    taxRate: computed.taxRate.toFixed(),
    taxTotal: computed.taxTotal.toFixed(),
    total: computed.total.toFixed(),
    amountPaid: paid ? computed.total.toFixed() : '0',
    amountRefunded: outcome.refund ? outcome.refund.amount.toFixed() : '0',
    couponId: invoice.coupon?.id ?? null,
    issuedAt: invoice.issuedAt,
    dueAt: outcome.dueAt,
    paidAt: outcome.paidAt,
    voidedAt: outcome.voidedAt,
    createdAt,
    updatedAt: lastEvent,
  });

  computed.lines.forEach((line, index) => {
    billing.invoiceLines.push({
      id: seedUuid(`invoice-line:${invoice.number}:${index + 1}`),
      invoiceId: invoice.id,
      position: index + 1,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitAmount: line.unitAmount.toFixed(),
      amount: line.amount.toFixed(),
      addonId: line.addonId ?? null,
    });
  });

  // A coupon is redeemed once, when applied to the subscription (SPEC §10): the demo applies it
  // just before the first invoice it discounts; later invoices use nothing.
  const redemptionId = seedUuid(`redemption:${subscription.id}`);
  if (invoice.coupon && !billing.redemptions.some((redemption) => redemption.id === redemptionId)) {
    billing.redemptions.push({
      id: redemptionId,
      couponId: invoice.coupon.id,
      organizationId: subscription.organizationId,
      subscriptionId: subscription.id,
      currency: computed.currency,
      redeemedAt: createdAt,
    });
    billing.couponUses.set(invoice.coupon.id, (billing.couponUses.get(invoice.coupon.id) ?? 0) + 1);
  }

  let provider: 'manual' | 'xendit' | 'stripe' = 'manual';
  if (paid) {
    const method = rng.pick(PAYMENT_METHODS);
    const ref = seedUuid(`payment-ref:${invoice.number}`).replace(/-/g, '');
    // Payments from each provider (SPEC §12): cards through Stripe, VA/QRIS/e-wallets through
    // Xendit, bank transfers recorded by hand; the demo refunds them through the local fakes.
    provider = method === 'card' ? 'stripe' : method === 'bank_transfer' ? 'manual' : 'xendit';
    billing.payments.push({
      id: seedUuid(`payment:${invoice.number}`),
      invoiceId: invoice.id,
      amount: computed.total.toFixed(),
      currency: computed.currency,
      method,
      provider,
      providerPaymentId: provider === 'stripe' ? `pi_${ref.slice(0, 24)}` : provider === 'xendit' ? `pr-${seedUuid(`payment-request:${invoice.number}`)}` : null,
      reference: provider === 'manual' ? `TRF-${ref.slice(0, 12).toUpperCase()}` : null,
      gatewayRef: `pay_${ref.slice(0, 20)}`,
      paidAt: outcome.paidAt!,
      createdAt: outcome.paidAt!,
    });
  }

  if (outcome.refund) {
    billing.refunds.push({
      id: seedUuid(`refund:${invoice.number}`),
      invoiceId: invoice.id,
      amount: outcome.refund.amount.toFixed(),
      currency: computed.currency,
      reason: outcome.refund.reason,
      status: 'succeeded',
      provider,
      paymentId: provider === 'manual' ? null : seedUuid(`payment:${invoice.number}`),
      settledAt: outcome.refund.at,
      gatewayRef: `re_${seedUuid(`refund-ref:${invoice.number}`).replace(/-/g, '').slice(0, 20)}`,
      actorUserId: refundActorId,
      createdAt: outcome.refund.at,
    });
  }
}
