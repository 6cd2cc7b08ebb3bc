import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { couponFits } from '@/lib/billing/subscriptions/price-items';
import { coversNextInvoice } from '@/lib/billing/subscriptions/cycles-left';
import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db, type Tx } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import type { Coupon, Subscription } from '@/lib/generated/prisma/client';
import { computeInvoice } from './compute-invoice';
import { insertInvoice } from './insert-invoice';

export interface TIssueInvoiceInput {
  subscriptionId: string;
  periodStart: Date;
  periodEnd: Date;
  /** Messages sent in the period (overage; ignored on annual invoices). */
  messagesUsed: number;
  issuedAt?: Date;
  /** Days until the invoice is due. */
  dueInDays?: number;
}

/**
 * Issues the invoice of one subscription for one period: prices from the plan and add-ons as they
 * are now (the invoice keeps its own copy of every price), the subscription's coupon while it has
 * cycles left and fits the plan (SPEC §10: the coupon's use was counted when it was applied; each
 * discounted invoice spends a cycle), tax at TAX_RATE. One transaction, behind the subscription's
 * row lock.
 */
export async function issueInvoice(input: TIssueInvoiceInput, actor: TActor | 'system' = 'system') {
  return db().$transaction((tx) => issueInvoiceInTx(tx, input, actor));
}

/** issueInvoice inside the caller's transaction (a new subscription's first invoice commits with it). */
export async function issueInvoiceInTx(tx: Tx, input: TIssueInvoiceInput, actor: TActor | 'system' = 'system') {
  const issuedAt = input.issuedAt ?? now();
  const subscription = await lockSubscription(tx, input.subscriptionId);
  if (subscription.status === 'cancelled') throw conflict('subscription_cancelled', 'A cancelled subscription is not invoiced.');
  const duplicate = await tx.invoice.findFirst({ where: { subscriptionId: subscription.id, periodStart: input.periodStart, status: { not: 'void' } }, select: { number: true } });
  if (duplicate) throw conflict('period_already_invoiced', `This period is already invoiced (${duplicate.number}).`);

  const [plan, addons] = await Promise.all([
    tx.plan.findUniqueOrThrow({ where: { id: subscription.planId } }),
    tx.subscriptionAddon.findMany({ where: { subscriptionId: subscription.id, addon: { currency: subscription.currency } }, include: { addon: true } }),
  ]);
  const coupon = await couponForCycle(tx, subscription);

  const computed = computeInvoice({
    currency: subscription.currency,
    billingCycle: subscription.billingCycle,
    plan: { ...plan, name: plan.name, limits: plan.limits as { max_agents: number | null; max_messages_month: number | null } },
    agentCount: subscription.agentCount,
    messagesUsed: input.messagesUsed,
    addons: addons.map(({ addon, quantity }) => ({ id: addon.id, name: addon.name, unit: addon.unit, priceMonthly: addon.priceMonthly, priceAnnual: addon.priceAnnual, quantity })),
    coupon,
    taxRate: config().TAX_RATE,
  });

  const invoice = await insertInvoice(tx, {
    organizationId: subscription.organizationId,
    subscriptionId: subscription.id,
    planId: plan.id,
    currency: subscription.currency,
    kind: 'subscription',
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    computed,
    couponId: coupon && computed.discountTotal.gt(0) ? coupon.id : null,
    issuedAt,
    dueInDays: input.dueInDays,
  });

  // A discounted invoice spends one of the coupon's cycles (SPEC §10); it uses nothing of max_uses.
  if (coupon && computed.discountTotal.gt(0)) {
    await tx.subscription.update({ where: { id: subscription.id }, data: { couponCyclesUsed: { increment: 1 } } });
  }
  await recordAudit(tx, actor, {
    action: 'invoice.issued', entityType: 'invoice', entityId: invoice.id,
    after: { number: invoice.number, total: computed.total.toNumber(), discount_total: computed.discountTotal.toNumber(), coupon: coupon?.code ?? null },
  });
  return invoice;
}

/**
 * The subscription's coupon when it still covers this cycle (cycles left, SPEC §10) and fits the
 * plan and currency; null otherwise. Its use was counted once, when it was applied to the
 * subscription (lib/billing/subscriptions/apply-coupon.ts): an invoice takes no use of max_uses.
 */
async function couponForCycle(tx: Tx, subscription: Subscription): Promise<Coupon | null> {
  if (!subscription.couponId) return null;
  const coupon = await tx.coupon.findUniqueOrThrow({ where: { id: subscription.couponId } });
  if (!coversNextInvoice(coupon, subscription.couponCyclesUsed)) return null;
  return couponFits(coupon, subscription.planId, subscription.currency) ? coupon : null;
}

async function lockSubscription(tx: Tx, id: string): Promise<Subscription> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM subscriptions WHERE id = ${id}::uuid FOR UPDATE`;
  const subscription = locked.length ? await tx.subscription.findUnique({ where: { id } }) : null;
  if (!subscription) throw notFound('subscription');
  return subscription;
}
