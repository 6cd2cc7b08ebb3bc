import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { redeemCoupon } from '@/lib/billing/coupons/redeem-coupon';
import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db, type Tx } from '@/lib/db';
import { BillingError, conflict, notFound } from '@/lib/errors';
import type { Coupon, Subscription } from '@/lib/generated/prisma/client';
import { computeInvoice } from './compute-invoice';

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
 * are now (the invoice keeps its own copy of every price), the subscription's coupon when it still
 * covers this cycle and applies (SPEC §5), tax at TAX_RATE. One transaction: the coupon's use is
 * taken (race-free, see redeemCoupon) before the discount is computed, so an invoice carries a
 * discount only if it won a use; losing the race just issues the invoice without a discount.
 */
export async function issueInvoice(input: TIssueInvoiceInput, actor: TActor | 'system' = 'system') {
  const issuedAt = input.issuedAt ?? now();
  return db().$transaction(async (tx) => {
    const subscription = await lockSubscription(tx, input.subscriptionId);
    if (subscription.status === 'cancelled') throw conflict('subscription_cancelled', 'A cancelled subscription is not invoiced.');
    const duplicate = await tx.invoice.findFirst({ where: { subscriptionId: subscription.id, periodStart: input.periodStart, status: { not: 'void' } }, select: { number: true } });
    if (duplicate) throw conflict('period_already_invoiced', `This period is already invoiced (${duplicate.number}).`);

    const [plan, addons] = await Promise.all([
      tx.plan.findUniqueOrThrow({ where: { id: subscription.planId } }),
      tx.subscriptionAddon.findMany({ where: { subscriptionId: subscription.id, addon: { currency: subscription.currency } }, include: { addon: true } }),
    ]);
    const coupon = await takeCouponUse(tx, subscription, issuedAt);

    const computed = computeInvoice({
      currency: subscription.currency,
      billingCycle: subscription.billingCycle,
      plan: { ...plan, name: plan.name, limits: plan.limits as { max_agents: number | null; max_messages_month: number | null } },
      agentCount: subscription.agentCount,
      messagesUsed: input.messagesUsed,
      addons: addons.map(({ addon, quantity }) => ({ id: addon.id, name: addon.name, unit: addon.unit, priceMonthly: addon.priceMonthly, priceAnnual: addon.priceAnnual, quantity })),
      coupon: coupon?.coupon ?? null,
      taxRate: config().TAX_RATE,
    });

    const [{ nextval }] = await tx.$queryRaw<[{ nextval: bigint }]>`SELECT nextval('invoice_number_seq')`;
    const number = `INV-${issuedAt.toISOString().slice(0, 7).replace('-', '')}-${String(nextval).padStart(6, '0')}`;
    const invoice = await tx.invoice.create({
      data: {
        number,
        organizationId: subscription.organizationId,
        subscriptionId: subscription.id,
        planId: plan.id,
        currency: subscription.currency,
        status: 'open',
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        subtotal: computed.subtotal.toString(),
        discountTotal: computed.discountTotal.toString(),
        taxRate: computed.taxRate.toString(),
        taxTotal: computed.taxTotal.toString(),
        total: computed.total.toString(),
        couponId: coupon && computed.discountTotal.gt(0) ? coupon.coupon.id : null,
        issuedAt,
        dueAt: new Date(issuedAt.getTime() + (input.dueInDays ?? 14) * 86_400_000),
        createdAt: issuedAt,
        lines: {
          create: computed.lines.map((line, position) => ({
            position, kind: line.kind, description: line.description, quantity: line.quantity,
            unitAmount: line.unitAmount.toString(), amount: line.amount.toString(), addonId: line.addonId ?? null,
          })),
        },
      },
    });

    if (coupon) {
      await tx.couponRedemption.update({ where: { id: coupon.redemptionId }, data: { invoiceId: invoice.id, amount: computed.discountTotal.toString() } });
      await tx.subscription.update({ where: { id: subscription.id }, data: { couponCyclesUsed: { increment: 1 } } });
    }
    await recordAudit(tx, actor, {
      action: 'invoice.issued', entityType: 'invoice', entityId: invoice.id,
      after: { number, total: computed.total.toNumber(), discount_total: computed.discountTotal.toNumber(), coupon: coupon?.coupon.code ?? null },
    });
    return invoice;
  });
}

/** The coupon covering this cycle with one use taken, or null (no coupon, cycles spent, or it does not apply). */
async function takeCouponUse(tx: Tx, subscription: Subscription, at: Date): Promise<{ coupon: Coupon; redemptionId: string } | null> {
  if (!subscription.couponId) return null;
  const coupon = await tx.coupon.findUniqueOrThrow({ where: { id: subscription.couponId } });
  const coversCycle =
    coupon.duration === 'forever' ||
    (coupon.duration === 'once' && subscription.couponCyclesUsed === 0) ||
    (coupon.duration === 'repeating' && subscription.couponCyclesUsed < (coupon.durationInCycles ?? 0));
  if (!coversCycle) return null;
  try {
    // The amount is filled in once the invoice is computed; the use is what must be won first.
    const { redemptionId } = await redeemCoupon(tx, {
      couponId: coupon.id, planId: subscription.planId, currency: subscription.currency, at,
      organizationId: subscription.organizationId, subscriptionId: subscription.id, amount: 0,
    });
    return { coupon, redemptionId };
  } catch (error) {
    if (error instanceof BillingError && error.code === 'coupon_not_applicable') return null;
    throw error;
  }
}

async function lockSubscription(tx: Tx, id: string): Promise<Subscription> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM subscriptions WHERE id = ${id}::uuid FOR UPDATE`;
  const subscription = locked.length ? await tx.subscription.findUnique({ where: { id } }) : null;
  if (!subscription) throw notFound('subscription');
  return subscription;
}
