import { describe, expect, it } from 'vitest';
import { nextBillingStep, openUsageWindow, periodAfter, usageBilledUntil, type TBillableSubscription } from './next-billing-step';

const d = (iso: string) => new Date(iso);
const monthly = (over: Partial<TBillableSubscription> = {}): TBillableSubscription => ({
  billingCycle: 'monthly', startedAt: d('2026-01-31T10:00:00Z'), currentPeriodStart: d('2026-01-31T10:00:00Z'), currentPeriodEnd: d('2026-02-28T10:00:00Z'), usageBilledUntil: null, ...over,
});
const annual = (over: Partial<TBillableSubscription> = {}): TBillableSubscription => ({
  billingCycle: 'annual', startedAt: d('2026-01-31T10:00:00Z'), currentPeriodStart: d('2026-01-31T10:00:00Z'), currentPeriodEnd: d('2027-01-31T10:00:00Z'), usageBilledUntil: null, ...over,
});

describe('nextBillingStep', () => {
  it('nothing is due before the period ends; at its end exactly, the boundary is', () => {
    expect(nextBillingStep(monthly(), d('2026-02-28T09:59:59.999Z'))).toBeNull();
    expect(nextBillingStep(monthly(), d('2026-02-28T10:00:00Z'))).toEqual({ kind: 'boundary', closed: { start: d('2026-01-31T10:00:00Z'), end: d('2026-02-28T10:00:00Z') } });
  });

  it('the period after a boundary follows the start\'s anchor (Jan 31 → Feb 28 → Mar 31), never drifting', () => {
    expect(periodAfter(monthly(), d('2026-02-28T10:00:00Z'))).toEqual({ start: d('2026-02-28T10:00:00Z'), end: d('2026-03-31T10:00:00Z') });
    expect(periodAfter(annual(), d('2027-01-31T10:00:00Z')).end).toEqual(d('2028-01-31T10:00:00Z'));
  });

  it('a period that a change started off the schedule anchors on its own start', () => {
    const changed = monthly({ currentPeriodStart: d('2026-03-15T08:00:00Z'), currentPeriodEnd: d('2027-03-15T08:00:00Z'), billingCycle: 'annual' });
    expect(periodAfter(changed, d('2027-03-15T08:00:00Z')).end).toEqual(d('2028-03-15T08:00:00Z'));
    expect(nextBillingStep({ ...changed }, d('2026-04-15T08:00:00Z'))).toEqual({ kind: 'usage', month: { start: d('2026-03-15T08:00:00Z'), end: d('2026-04-15T08:00:00Z') } });
  });

  it('an annual subscription closes its months one by one, then renews', () => {
    expect(nextBillingStep(annual(), d('2026-02-27T00:00:00Z'))).toBeNull();
    expect(nextBillingStep(annual(), d('2026-06-01T00:00:00Z'))).toEqual({ kind: 'usage', month: { start: d('2026-01-31T10:00:00Z'), end: d('2026-02-28T10:00:00Z') } });
    expect(nextBillingStep(annual({ usageBilledUntil: d('2026-02-28T10:00:00Z') }), d('2026-06-01T00:00:00Z'))).toEqual({ kind: 'usage', month: { start: d('2026-02-28T10:00:00Z'), end: d('2026-03-31T10:00:00Z') } });
    const lastMonth = nextBillingStep(annual({ usageBilledUntil: d('2026-12-31T10:00:00Z') }), d('2027-02-01T00:00:00Z'));
    expect(lastMonth).toEqual({ kind: 'usage', month: { start: d('2026-12-31T10:00:00Z'), end: d('2027-01-31T10:00:00Z') } });
    expect(nextBillingStep(annual({ usageBilledUntil: d('2027-01-31T10:00:00Z') }), d('2027-02-01T00:00:00Z'))?.kind).toBe('boundary');
  });

  it('twelve monthly steps of an annual year tile it exactly: no gap, no overlap', () => {
    let subscription = annual();
    const months = [];
    for (let step = nextBillingStep(subscription, d('2030-01-01T00:00:00Z')); step?.kind === 'usage'; step = nextBillingStep(subscription, d('2030-01-01T00:00:00Z'))) {
      months.push(step.month);
      subscription = { ...subscription, usageBilledUntil: step.month.end };
    }
    expect(months).toHaveLength(12);
    for (let index = 1; index < months.length; index++) expect(months[index]!.start).toEqual(months[index - 1]!.end);
    expect(months[11]!.end).toEqual(subscription.currentPeriodEnd);
  });
});

describe('the billing anchor and the open usage window', () => {
  it('a billing anchor (set by a cycle change) decides the schedule instead of started_at', () => {
    const anchored = monthly({ billingAnchor: d('2026-01-15T10:00:00Z'), currentPeriodStart: d('2026-02-15T10:00:00Z'), currentPeriodEnd: d('2026-03-15T10:00:00Z') });
    expect(periodAfter(anchored, d('2026-03-15T10:00:00Z'))).toEqual({ start: d('2026-03-15T10:00:00Z'), end: d('2026-04-15T10:00:00Z') });
    expect(periodAfter({ ...anchored, billingAnchor: null }, d('2026-03-15T10:00:00Z')).end).toEqual(d('2026-04-15T10:00:00Z'));
  });

  it('the billing anchor wins over started_at and over the current period\'s own schedule (Jan 31 anchor: Apr 30 → May 31)', () => {
    const sub = monthly({ startedAt: d('2026-01-15T10:00:00Z'), billingAnchor: d('2026-01-31T10:00:00Z'), currentPeriodStart: d('2026-02-28T10:00:00Z'), currentPeriodEnd: d('2026-03-31T10:00:00Z') });
    expect(periodAfter(sub, d('2026-04-30T10:00:00Z')).end).toEqual(d('2026-05-31T10:00:00Z'));
  });

  it('an instant on no schedule (before every anchor, or not a month boundary of one) starts its own', () => {
    const sub = monthly({ startedAt: d('2026-05-31T10:00:00Z'), currentPeriodStart: d('2026-05-31T10:00:00Z') });
    expect(periodAfter(sub, d('2026-01-31T10:00:00Z')).end).toEqual(d('2026-02-28T10:00:00Z'));
    expect(periodAfter(monthly(), d('2026-02-10T00:00:00Z')).end).toEqual(d('2026-03-10T00:00:00Z'));
  });

  it('usage is closed up to usage_billed_until, or the period start when nothing is billed yet', () => {
    expect(usageBilledUntil(monthly())).toEqual(d('2026-01-31T10:00:00Z'));
    expect(usageBilledUntil(monthly({ usageBilledUntil: d('2026-02-10T00:00:00Z') }))).toEqual(d('2026-02-10T00:00:00Z'));
  });

  it('the open window of a monthly subscription is its whole period from the closed mark', () => {
    expect(openUsageWindow(monthly())).toEqual({ start: d('2026-01-31T10:00:00Z'), end: d('2026-02-28T10:00:00Z') });
  });

  it('the open window of an annual subscription is its current month, never past the period end', () => {
    expect(openUsageWindow(annual())).toEqual({ start: d('2026-01-31T10:00:00Z'), end: d('2026-02-28T10:00:00Z') });
    expect(openUsageWindow(annual({ usageBilledUntil: d('2026-12-31T10:00:00Z') }))).toEqual({ start: d('2026-12-31T10:00:00Z'), end: d('2027-01-31T10:00:00Z') });
    const short = annual({ currentPeriodEnd: d('2026-02-15T10:00:00Z') });
    expect(openUsageWindow(short)).toEqual({ start: d('2026-01-31T10:00:00Z'), end: d('2026-02-15T10:00:00Z') });
    expect(nextBillingStep(short, d('2026-02-15T10:00:00Z'))).toEqual({ kind: 'usage', month: { start: d('2026-01-31T10:00:00Z'), end: d('2026-02-15T10:00:00Z') } });
  });

  it('once every month of an annual period is billed, the window is empty at the period end', () => {
    expect(openUsageWindow(annual({ usageBilledUntil: d('2027-01-31T10:00:00Z') }))).toEqual({ start: d('2027-01-31T10:00:00Z'), end: d('2027-01-31T10:00:00Z') });
  });

  it('an annual month is due at its end exactly, not a millisecond before', () => {
    expect(nextBillingStep(annual(), d('2026-02-28T09:59:59.999Z'))).toBeNull();
    expect(nextBillingStep(annual(), d('2026-02-28T10:00:00Z'))?.kind).toBe('usage');
  });
});
