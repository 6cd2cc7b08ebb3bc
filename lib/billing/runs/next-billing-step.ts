/**
 * What the billing run does next for one subscription at `at` (pure; SPEC §11, docs/BILLING.md
 * "The billing run"). One step at a time, oldest first, so a run that is behind catches up step by
 * step and a crash between two steps loses nothing:
 *
 * - `usage`: an annual subscription's month inside its annual period has ended and its usage is
 *   not billed yet: its overage goes on a usage invoice for that month.
 * - `boundary`: the current period has ended (and, for an annual subscription, every month of it
 *   is billed): the subscription renews into periodAfter(…) (or ends, lib/billing/runs/apply-period-boundary.ts),
 *   and a monthly subscription's overage of the `closed` period goes on the renewal invoice.
 * - null: nothing is due.
 *
 * Months and periods follow the anchored schedule (lib/billing/periods/billing-period.ts) of the
 * subscription's start; a current period that is not on that schedule (a change that started a new
 * period mid-way) anchors its own schedule on its start.
 */
import { addMonthsClamped, cycleMonths, periodIndex, type TBillingCycle } from '@/lib/billing/periods/billing-period';

export interface TBillableSubscription {
  billingCycle: TBillingCycle;
  startedAt: Date;
  /** The schedule's anchor (a cycle change moves it); null: startedAt. */
  billingAnchor?: Date | null;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  usageBilledUntil: Date | null;
}

export interface TPeriod {
  start: Date;
  end: Date;
}

export type TBillingStep = { kind: 'usage'; month: TPeriod } | { kind: 'boundary'; closed: TPeriod } | null;

export function nextBillingStep(subscription: TBillableSubscription, at: Date): TBillingStep {
  const { currentPeriodStart: start, currentPeriodEnd: end } = subscription;
  const billedUntil = usageBilledUntil(subscription);
  if (subscription.billingCycle === 'annual' && billedUntil < end) {
    // Stryker disable next-line StringLiteral: cycleMonths counts any cycle but 'annual' as one month, so '' is 'monthly' here
    const month = { start: billedUntil, end: minDate(followingBoundary(subscription, billedUntil, 'monthly'), end) };
    return month.end <= at ? { kind: 'usage', month } : null;
  }
  if (end > at) return null;
  return { kind: 'boundary', closed: { start, end } };
}

/**
 * The usage window still open: from the closed mark to the end of the current month (annual) or
 * period (monthly) — what the next usage or renewal invoice will bill.
 */
export function openUsageWindow(subscription: TBillableSubscription): TPeriod {
  const start = usageBilledUntil(subscription);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut: a monthly period is one month of its schedule, and an annual one billed to its end is empty, so the month formula below gives the same window
  if (subscription.billingCycle !== 'annual' || start >= subscription.currentPeriodEnd) return { start, end: subscription.currentPeriodEnd };
  // Stryker disable next-line StringLiteral: cycleMonths counts any cycle but 'annual' as one month, so '' is 'monthly' here
  return { start, end: minDate(followingBoundary(subscription, start, 'monthly'), subscription.currentPeriodEnd) };
}

/** Usage before this instant is closed (billed, or refused by POST /usage). */
export function usageBilledUntil(subscription: Pick<TBillableSubscription, 'currentPeriodStart' | 'usageBilledUntil'>): Date {
  return subscription.usageBilledUntil ?? subscription.currentPeriodStart;
}

/**
 * The period that starts at `boundary` for this subscription's cycle. Pass the subscription as it
 * renews: a change applied at the boundary (a new cycle) decides the length of the next period.
 */
export function periodAfter(subscription: Pick<TBillableSubscription, 'billingCycle' | 'startedAt' | 'billingAnchor' | 'currentPeriodStart'>, boundary: Date): TPeriod {
  return { start: boundary, end: followingBoundary(subscription, boundary, subscription.billingCycle) };
}

/** The boundary one `cycle` after `from` on the anchor's schedule (billing_anchor ?? started_at), else on the current period's, else on `from`'s own. */
function followingBoundary(subscription: Pick<TBillableSubscription, 'startedAt' | 'billingAnchor' | 'currentPeriodStart'>, from: Date, cycle: TBillingCycle): Date {
  for (const anchor of [subscription.billingAnchor ?? subscription.startedAt, subscription.currentPeriodStart]) {
    const index = monthIndex(anchor, from);
    if (index !== null) return addMonthsClamped(anchor, index + cycleMonths(cycle));
  }
  return addMonthsClamped(from, cycleMonths(cycle));
}

function monthIndex(anchor: Date, instant: Date): number | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: periodIndex refuses an instant before the anchor too (no index below 0), and at the anchor itself both schedules give the same boundary
  if (instant < anchor) return null;
  try {
    // Stryker disable next-line StringLiteral: cycleMonths counts any cycle but 'annual' as one month, so '' is 'monthly' here
    return periodIndex(anchor, 'monthly', instant);
  } catch {
    return null; // not a month boundary of this anchor's schedule
  }
}

function minDate(a: Date, b: Date): Date {
  // Stryker disable next-line EqualityOperator: when a and b are the same instant, returning either is the same
  return a <= b ? a : b;
}
