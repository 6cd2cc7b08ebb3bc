import { randomUUID } from 'node:crypto';
import { recordAudits } from '@/lib/audit/record-audit';
import { computeUsageInvoice } from '@/lib/billing/invoices/compute-usage-invoice';
import { draftSubscriptionInvoice, type TSubscriptionPrices } from '@/lib/billing/invoices/draft-subscription-invoice';
import { insertInvoices, type TInvoiceDraft } from '@/lib/billing/invoices/insert-invoices';
import { recordInvoiceCoupons } from '@/lib/billing/invoices/invoice-coupon';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db';
import type { Coupon, Plan, Subscription } from '@/lib/generated/prisma/client';
import type { TBoundaryPolicy } from './apply-period-boundary';
import { nextBillingStep, usageBilledUntil, type TPeriod } from './next-billing-step';
import { readUsageTotals, type TUsageWindow } from './read-usage-totals';

export interface TBatchOutcome {
  /** Invoices issued (renewals and usage invoices). */
  issued: number;
  renewed: number;
  ended: number;
  /** Subscriptions that got a step (an invoice, a renewal, an end or a closed usage month). */
  advanced: number;
}

/** Where a subscription goes after its step: the row's new period, usage mark and status. */
interface TAdvance {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  usageBilledUntil: Date;
  cancelledAt: Date | null;
}

const DUE_IN_DAYS = 14;

/**
 * One step (next-billing-step.ts) for each of a batch of subscriptions the caller has locked, in the
 * caller's transaction: every invoice of the batch, the coupon records and the subscriptions'
 * advance commit together or not at all, so a crash never leaves a period advanced without its
 * invoice or invoiced without its advance, and a rerun finds exactly the steps still missing.
 * Set-based: a batch costs a fixed number of statements whatever its size — one read each for
 * plans, add-ons, coupons and usage; one UPDATE for the advance, one for the coupon cycles spent,
 * and insertInvoices' few (numbers, invoices, lines, audit) — except a boundary that ends a
 * subscription or applies a pending change, which writes that subscription (applyPeriodBoundary).
 */
export async function billSubscriptions(tx: Tx, subscriptions: readonly Subscription[], at: Date, boundary: TBoundaryPolicy): Promise<TBatchOutcome> {
  const plans = await readPlans(tx, subscriptions.map((subscription) => subscription.planId));
  const work: { before: Subscription; step: NonNullable<ReturnType<typeof nextBillingStep>>; renewAs: Subscription | null; next: TPeriod | null }[] = [];
  for (const subscription of subscriptions) {
    const step = nextBillingStep(subscription, at);
    if (!step) continue;
    const decision = step.kind === 'boundary' ? await boundary(tx, subscription, at) : null;
    work.push({ before: subscription, step, renewAs: decision?.action === 'renew' ? decision.subscription : null, next: decision?.action === 'renew' ? decision.period : null });
  }
  await readMissingPlans(tx, plans, work.flatMap((item) => (item.renewAs ? [item.renewAs.planId] : [])));

  // The usage each step bills: an annual month, or the closed period's rest (a monthly subscription's period).
  const windows: TUsageWindow[] = work.map(({ before, step }) => ({
    organizationId: before.organizationId,
    from: step.kind === 'usage' ? step.month.start : usageBilledUntil(before),
    to: step.kind === 'usage' ? step.month.end : step.closed.end,
  }));
  const usage = await readUsageTotals(tx, windows);
  const renewing = work.flatMap((item) => (item.renewAs ? [item.renewAs] : []));
  const addons = await readAddons(tx, renewing);
  const couponRows = await readCoupons(tx, renewing);

  const drafts: TInvoiceDraft[] = [];
  const coupons: { subscriptionId: string; discount: TInvoiceDraft['computed']['discountTotal'] }[] = [];
  const advances: TAdvance[] = [];
  const ended: Subscription[] = [];
  for (const [index, { before, step, renewAs, next }] of work.entries()) {
    const messages = usage[index]!;
    const plan = plans.get(before.planId)!;
    if (step.kind === 'usage') {
      pushUsageDraft(drafts, before, plan, step.month, messages, at);
      advances.push({ id: before.id, periodStart: before.currentPeriodStart, periodEnd: before.currentPeriodEnd, usageBilledUntil: step.month.end, cancelledAt: null });
      continue;
    }
    const closedUsage = { start: windows[index]!.from, end: step.closed.end };
    if (!renewAs) {
      pushUsageDraft(drafts, before, plan, closedUsage, messages, at);
      advances.push({ id: before.id, periodStart: before.currentPeriodStart, periodEnd: before.currentPeriodEnd, usageBilledUntil: step.closed.end, cancelledAt: step.closed.end });
      ended.push(before);
      continue;
    }
    // The closed period's overage is priced by the plan it was used under: on the renewal invoice
    // when the plan stays, on a usage invoice of its own when a change switched plans at the boundary.
    const samePlan = renewAs.planId === before.planId;
    if (!samePlan) pushUsageDraft(drafts, before, plan, closedUsage, messages, at);
    const prices: TSubscriptionPrices = { plan: plans.get(renewAs.planId)!, addons: addons.get(renewAs.id) ?? [], coupon: renewAs.couponId ? (couponRows.get(renewAs.couponId) ?? null) : null };
    const { draft, coupon } = draftSubscriptionInvoice(renewAs, prices, {
      periodStart: next!.start, periodEnd: next!.end, messagesUsed: samePlan ? messages : 0, issuedAt: at, dueInDays: DUE_IN_DAYS,
      overageLabel: `${describePeriod(closedUsage)}`,
    });
    drafts.push(draft);
    if (coupon) coupons.push({ subscriptionId: renewAs.id, discount: draft.computed.discountTotal });
    advances.push({ id: before.id, periodStart: next!.start, periodEnd: next!.end, usageBilledUntil: step.closed.end, cancelledAt: null });
  }

  // The numbers last: the month's counter row stays locked from there to the commit, so every
  // other write of the batch comes first (a batch beside this one waits on the counter only for
  // this batch's invoice inserts).
  await advanceSubscriptions(tx, advances, at);
  await recordInvoiceCoupons(tx, coupons);
  await recordAudits(tx, 'system', ended.map((subscription) => ({
    action: 'subscription.ended', entityType: 'subscription', entityId: subscription.id,
    before: { status: subscription.status }, after: { status: 'cancelled', cancelled_at: subscription.currentPeriodEnd.toISOString() },
  })));
  if (drafts.length > 0) await insertInvoices(tx, drafts, 'system');
  return { issued: drafts.length, renewed: advances.length - ended.length - work.filter((item) => item.step.kind === 'usage').length, ended: ended.length, advanced: advances.length };
}

/** A usage (overage) invoice for `period`, when there is overage to bill. */
function pushUsageDraft(drafts: TInvoiceDraft[], subscription: Subscription, plan: Plan, period: TPeriod, messages: number, at: Date): void {
  if (period.end <= period.start) return;
  const computed = computeUsageInvoice({
    currency: subscription.currency, plan: { overageMessagePrice: plan.overageMessagePrice, limits: plan.limits as { max_agents: number | null; max_messages_month: number | null } },
    messagesUsed: messages, taxRate: config().TAX_RATE, periodLabel: describePeriod(period),
  });
  if (!computed) return;
  drafts.push({
    id: randomUUID(), kind: 'usage', organizationId: subscription.organizationId, subscriptionId: subscription.id, planId: plan.id, currency: subscription.currency,
    periodStart: period.start, periodEnd: period.end, computed, couponId: null, issuedAt: at, dueAt: new Date(at.getTime() + DUE_IN_DAYS * 86_400_000),
    audit: { messages },
  });
}

function describePeriod(period: TPeriod): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return `usage ${day(period.start)} – ${day(period.end)}`;
}

async function readPlans(tx: Tx, ids: string[]): Promise<Map<string, Plan>> {
  const plans = new Map<string, Plan>();
  await readMissingPlans(tx, plans, ids);
  return plans;
}

async function readMissingPlans(tx: Tx, plans: Map<string, Plan>, ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !plans.has(id));
  if (missing.length === 0) return;
  for (const plan of await tx.plan.findMany({ where: { id: { in: missing } } })) plans.set(plan.id, plan);
}

/** Each renewing subscription's add-ons in its currency (what readSubscriptionPrices reads for one). */
async function readAddons(tx: Tx, subscriptions: Subscription[]): Promise<Map<string, TSubscriptionPrices['addons']>> {
  const byId = new Map<string, TSubscriptionPrices['addons']>();
  if (subscriptions.length === 0) return byId;
  const currencies = new Map(subscriptions.map((subscription) => [subscription.id, subscription.currency]));
  const rows = await tx.subscriptionAddon.findMany({ where: { subscriptionId: { in: [...currencies.keys()] } }, include: { addon: true }, orderBy: { createdAt: 'asc' } });
  for (const { subscriptionId, addon, quantity } of rows) {
    if (addon.currency !== currencies.get(subscriptionId)) continue;
    byId.set(subscriptionId, [...(byId.get(subscriptionId) ?? []), { addon, quantity }]);
  }
  return byId;
}

/** The renewing subscriptions' coupons, by id (one statement for the batch; whether each still discounts is invoice-coupon.ts's). */
async function readCoupons(tx: Tx, subscriptions: Subscription[]): Promise<Map<string, Coupon>> {
  const ids = [...new Set(subscriptions.flatMap((subscription) => (subscription.couponId ? [subscription.couponId] : [])))];
  if (ids.length === 0) return new Map();
  return new Map((await tx.coupon.findMany({ where: { id: { in: ids } } })).map((coupon) => [coupon.id, coupon]));
}

/** Every subscription of the batch moved in one statement; `updated_at` from the run's clock. */
async function advanceSubscriptions(tx: Tx, advances: readonly TAdvance[], at: Date): Promise<void> {
  if (advances.length === 0) return;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  await tx.$executeRaw`
    UPDATE subscriptions s
       SET current_period_start = v.period_start, current_period_end = v.period_end, usage_billed_until = v.usage_billed_until,
           status = CASE WHEN v.cancelled_at IS NULL THEN s.status ELSE 'cancelled'::"SubscriptionStatus" END,
           cancelled_at = COALESCE(v.cancelled_at, s.cancelled_at), updated_at = ${at}
      FROM unnest(${advances.map((a) => a.id)}::uuid[], ${advances.map((a) => iso(a.periodStart))}::timestamptz[], ${advances.map((a) => iso(a.periodEnd))}::timestamptz[],
                  ${advances.map((a) => iso(a.usageBilledUntil))}::timestamptz[], ${advances.map((a) => iso(a.cancelledAt))}::timestamptz[])
           AS v(id, period_start, period_end, usage_billed_until, cancelled_at)
     WHERE s.id = v.id`;
}
