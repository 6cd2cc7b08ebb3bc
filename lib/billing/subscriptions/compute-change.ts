import { createHash } from 'node:crypto';
import type { TComputedInvoiceLine } from '@/lib/billing/invoices/compute-invoice';
import type { Tx } from '@/lib/db';
import { conflict } from '@/lib/errors';
import type { Addon, Coupon, InvoiceLineKind, Plan, Prisma } from '@/lib/generated/prisma/client';
import { Decimal, moneyToJson } from '@/lib/money';
import { addMonthsClamped, wholeDaysBetween } from '../periods/billing-period';
import { cyclesLeft, coversNextInvoice } from './cycles-left';
import { couponFits, mrrOf, periodInvoice, recurringPerMonth, type TItems } from './price-items';
import {
  buildChangeInvoice, creditForUnusedDays, decideTiming, percentageDiscount, prorateLines, recurringChargedAfterDiscount,
  RECURRING_KINDS, sumAmounts, type TChangeDirection, type TChangeInvoice, type TTiming,
} from './proration';
import { resolveItems } from './resolve-items';
import type { TChangePreview, TChangeSubscriptionInput, TPendingChange } from './schemas';
import type { TSubscriptionRow } from './subscription-dto';

/** The invoice that priced the current period: the lines whose unused days a change now credits. */
export interface TPricedInvoice {
  periodStart: Date;
  couponId: string | null;
  lines: { kind: InvoiceLineKind; amount: Prisma.Decimal }[];
}

/** Rows read with the subscription, in the same statement (changePrefetch): not read again. */
export interface TKnownRows {
  plans: readonly Plan[];
  addons: readonly Addon[];
  /** The priced invoice, or null when the period has none. */
  pricedInvoice: TPricedInvoice | null;
}

/** What a change or its preview reads with the subscription (lockSubscriptionWith, readSubscriptionWith). */
export function changePrefetch(body: TChangeSubscriptionInput) {
  return { ...(body.plan_id ? { planId: body.plan_id } : {}), addonIds: body.addons?.map((item) => item.addon_id) ?? [], pricedInvoice: true };
}

export interface TComputedChange {
  preview: TChangePreview;
  timing: TTiming;
  direction: TChangeDirection;
  target: TItems;
  couponRemoved: Coupon | null;
  /** For a change now: the invoice to issue, its period and kind, and whether it spent a coupon cycle. */
  invoiceNow: { invoice: TChangeInvoice; kind: 'proration' | 'subscription'; periodStart: Date; periodEnd: Date; couponId: string | null; spendsCycle: boolean } | null;
  /** monthly → annual: the new schedule. */
  newPeriod: { start: Date; end: Date } | null;
  pendingChange: TPendingChange | null;
}

/**
 * Everything a change would do, computed and written nowhere (SPEC §10): the preview answers it,
 * the change applies it behind the subscription's row lock. `preview_id` hashes the subscription's
 * state, the request and every figure of the answer, so a change sent with it is refused (409
 * subscription_changed) when anything the operator saw has moved.
 */
export async function computeChange(tx: Tx, sub: TSubscriptionRow, body: TChangeSubscriptionInput, at: Date, taxRate: string, known: TKnownRows): Promise<TComputedChange> {
  if (sub.status === 'cancelled') throw conflict('subscription_cancelled', 'This subscription is cancelled; create a new one instead.');
  if (sub.cancelAtPeriodEnd) throw conflict('subscription_cancelling', 'This subscription ends at its period end; reactivate it before changing it.');
  const current = currentItems(sub);
  const agentCount = body.agent_count ?? sub.agentCount;
  const target = await resolveItems(
    tx,
    {
      planId: body.plan_id ?? sub.planId,
      billingCycle: body.billing_cycle ?? sub.billingCycle,
      agentCount,
      addons: body.addons ?? sub.addons.map((item) => ({ addon_id: item.addonId, ...(item.addon.unit === 'flat' ? { quantity: item.quantity } : {}) })),
      currency: sub.currency,
    },
    { planId: sub.planId, addonIds: sub.addons.map((item) => item.addonId) },
    { plans: [sub.plan, ...known.plans], addons: [...sub.addons.map((item) => item.addon), ...known.addons] },
  );
  if (sameItems(current, target)) throw conflict('no_change', 'The change leaves the subscription as it is.');

  const decision = decideTiming({
    fromCycle: current.billingCycle, toCycle: target.billingCycle,
    fromMonthly: recurringPerMonth(current, sub.currency), toMonthly: recurringPerMonth(target, sub.currency),
    requested: body.timing,
  });
  if (!decision.ok) {
    throw conflict('downgrade_at_period_end', 'A change that lowers the price (or annual → monthly) takes effect at the period end; money goes back only through a refund.', { direction: decision.direction });
  }
  // A period that has ended but is not renewed yet (the billing run has not reached it): a change
  // now would bill days after the period's end and leave them out of every period (issue #19's
  // simulation found the gap). It waits for the renewal; a change at the period end does not.
  if (decision.timing === 'now' && at.getTime() >= sub.currentPeriodEnd.getTime()) {
    throw conflict('renewal_due', `This subscription's period ended at ${sub.currentPeriodEnd.toISOString()} and is renewed by the next billing run: change it after that, or at the period end.`);
  }
  const couponRemoved = sub.coupon && !couponFits(sub.coupon, target.plan.id, sub.currency) ? sub.coupon : null;
  const keptCoupon = couponRemoved ? null : sub.coupon;

  const now = decision.timing === 'now' ? changeNow(sub, target, keptCoupon, at, taxRate, known.pricedInvoice) : null;
  const usedAfter = (couponRemoved ? 0 : sub.couponCyclesUsed) + (now?.spendsCycle ? 1 : 0);
  const nextStart = now?.newPeriod?.end ?? sub.currentPeriodEnd;
  const nextCoupon = keptCoupon && coversNextInvoice(keptCoupon, usedAfter) ? keptCoupon : null;
  const next = periodInvoice(target, sub.currency, nextCoupon, taxRate);
  const effectiveAt = decision.timing === 'now' ? at : sub.currentPeriodEnd;

  const pendingChange: TPendingChange | null = decision.timing === 'period_end'
    ? {
        plan_id: target.plan.id, billing_cycle: target.billingCycle, agent_count: target.agentCount,
        addons: target.addons.map(({ addon, quantity }) => ({ addon_id: addon.id, quantity: addon.unit === 'per_agent' ? target.agentCount : quantity })),
        effective_at: effectiveAt.toISOString(), requested_at: at.toISOString(), removes_coupon: couponRemoved?.id ?? null,
      }
    : null;

  const answer = {
    timing: decision.timing,
    effective_at: effectiveAt.toISOString(),
    currency: sub.currency as TChangePreview['currency'],
    lines: (now ? now.invoice.lines : next.lines).map(lineToJson),
    invoice_now: now ? totals(now.invoice) : null,
    next_invoice: { ...totals(next), period_start: nextStart.toISOString(), lines: next.lines.map(lineToJson) },
    mrr_before: moneyToJson(mrrOf(current, sub.currency, sub.coupon, sub.couponCyclesUsed)),
    mrr_after: moneyToJson(mrrOf(target, sub.currency, keptCoupon, usedAfter)),
    coupon_removed: couponRemoved ? { coupon_id: couponRemoved.id, code: couponRemoved.code } : null,
  };
  // A change now takes effect at the instant it is sent: the preview is the same all day (whole days).
  const hashed = decision.timing === 'now' ? { ...answer, effective_at: at.toISOString().slice(0, 10) } : answer;
  const previewId = hashPreview(sub, body, hashed);
  return {
    preview: { ...answer, preview_id: previewId },
    timing: decision.timing,
    direction: decision.direction,
    target,
    couponRemoved,
    invoiceNow: now ? { invoice: now.invoice, kind: now.newPeriod ? 'subscription' : 'proration', periodStart: at, periodEnd: now.newPeriod?.end ?? sub.currentPeriodEnd, couponId: now.couponId, spendsCycle: now.spendsCycle } : null,
    newPeriod: now?.newPeriod ?? null,
    pendingChange,
  };
}

/**
 * A change now: credit the unused days at what the price-setting invoice of this period charged
 * (its recurring lines after its discount), and charge either the new items for the same days
 * (same cycle) or a whole new annual period (monthly → annual).
 */
function changeNow(sub: TSubscriptionRow, target: TItems, coupon: Coupon | null, at: Date, taxRate: string, priced: TPricedInvoice | null) {
  if (!priced) throw conflict('period_not_invoiced', 'The current period has no invoice yet: unused days cannot be credited. Issue it first or change at period end.');
  const charged = recurringChargedAfterDiscount(priced.lines.map((line) => ({ kind: line.kind, amount: line.amount })), sub.currency);
  const credit = creditForUnusedDays({ charged, coveredFrom: priced.periodStart, periodEnd: sub.currentPeriodEnd, at, currency: sub.currency });
  const creditLine = { amount: credit.amount, description: `Unused time on ${sub.plan.name} (${sub.billingCycle}), ${credit.unusedDays} of ${credit.coveredDays} days` };

  try {
    if (target.billingCycle === 'annual' && sub.billingCycle === 'monthly') {
      const newPeriod = { start: at, end: addMonthsClamped(at, 12) };
      const annual = periodInvoice(target, sub.currency, coupon && coversNextInvoice(coupon, sub.couponCyclesUsed) ? coupon : null, taxRate);
      const discountLine = annual.lines.find((line) => line.kind === 'discount');
      const invoice = buildChangeInvoice({
        currency: sub.currency, taxRate, charges: annual.lines.filter((line) => RECURRING_KINDS.includes(line.kind)),
        discount: discountLine ? { amount: annual.discountTotal, description: discountLine.description } : null, credit: creditLine,
      });
      const spendsCycle = annual.discountTotal.gt(0);
      return { invoice, newPeriod, spendsCycle, couponId: spendsCycle ? coupon!.id : null };
    }
    const totalDays = wholeDaysBetween(sub.currentPeriodStart, sub.currentPeriodEnd);
    const days = Math.min(totalDays, Math.max(0, wholeDaysBetween(at, sub.currentPeriodEnd)));
    const charges = prorateLines(periodInvoice(target, sub.currency, null, 0).lines, days, totalDays, sub.currency);
    // A percentage coupon that discounted this period discounts the new items' days too; no cycle is spent (same period).
    const percent = coupon && coupon.discountType === 'percentage' && priced.couponId === coupon.id ? coupon : null;
    const discount = percent ? { amount: percentageDiscount(sumAmounts(charges), percent.discountValue, sub.currency), description: `Coupon ${percent.code} (${new Decimal(percent.discountValue.toString()).toFixed()}% off)` } : null;
    const invoice = buildChangeInvoice({ currency: sub.currency, taxRate, charges, discount, credit: creditLine });
    return { invoice, newPeriod: null, spendsCycle: false, couponId: discount && discount.amount.gt(0) ? percent!.id : null };
  } catch (error) {
    if (error instanceof RangeError) throw conflict('downgrade_at_period_end', 'The credit for unused days exceeds the new charge: this change lowers the price and takes effect at the period end.');
    throw error;
  }
}

export function currentItems(sub: TSubscriptionRow): TItems {
  return { plan: sub.plan, billingCycle: sub.billingCycle, agentCount: sub.agentCount, addons: sub.addons.map(({ addon, quantity }) => ({ addon, quantity })) };
}

function sameItems(a: TItems, b: TItems): boolean {
  const key = (items: TItems) => JSON.stringify([items.plan.id, items.billingCycle, items.agentCount, items.addons.map(({ addon, quantity }) => `${addon.id}:${quantity}`).sort()]);
  return key(a) === key(b);
}

function totals(invoice: { subtotal: Decimal; discountTotal: Decimal; taxTotal: Decimal; total: Decimal }) {
  return { subtotal: moneyToJson(invoice.subtotal), discount: moneyToJson(invoice.discountTotal), tax: moneyToJson(invoice.taxTotal), total: moneyToJson(invoice.total) };
}

function lineToJson(line: TComputedInvoiceLine) {
  return { kind: line.kind, description: line.description, quantity: line.quantity, unit_amount: moneyToJson(line.unitAmount), amount: moneyToJson(line.amount) };
}

function hashPreview(sub: TSubscriptionRow, body: TChangeSubscriptionInput, answer: object): string {
  const { preview_id: _ignored, ...request } = body;
  const state = {
    id: sub.id, updated_at: sub.updatedAt.toISOString(), plan: sub.planId, cycle: sub.billingCycle, agents: sub.agentCount,
    addons: sub.addons.map((item) => [item.addonId, item.quantity]), coupon: sub.couponId, coupon_cycles_left: sub.coupon ? cyclesLeft(sub.coupon, sub.couponCyclesUsed) : null,
    period: [sub.currentPeriodStart.toISOString(), sub.currentPeriodEnd.toISOString()], pending: sub.pendingChange, cancelling: sub.cancelAtPeriodEnd,
  };
  return createHash('sha256').update(JSON.stringify({ state, request, answer })).digest('hex');
}
