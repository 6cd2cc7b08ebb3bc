import { describe, expect, it } from 'vitest';
import { stateAtPeriodEnd, type TSubscriptionAtBoundary } from './state-at-period-end';

const D = (iso: string) => new Date(iso);
const base: TSubscriptionAtBoundary = {
  billingCycle: 'monthly', billingAnchor: null, startedAt: D('2026-01-31T05:00:00Z'),
  currentPeriodStart: D('2026-02-28T05:00:00Z'), currentPeriodEnd: D('2026-03-31T05:00:00Z'),
  cancelAtPeriodEnd: false, couponId: 'c1', pendingChange: null,
};
const change = { plan_id: 'p2', billing_cycle: 'monthly' as const, agent_count: 4, addons: [{ addon_id: 'a1', quantity: 4 }], effective_at: '2026-03-31T05:00:00.000Z', requested_at: '2026-03-10T00:00:00.000Z', removes_coupon: null };

describe('stateAtPeriodEnd', () => {
  it('renews on the anchored schedule (Jan 31 anchor: Mar 31 → Apr 30)', () => {
    expect(stateAtPeriodEnd(base)).toEqual({ action: 'renew', data: { currentPeriodStart: D('2026-03-31T05:00:00Z'), currentPeriodEnd: D('2026-04-30T05:00:00Z') } });
  });

  it('a cancellation at period end ends it at the boundary and drops any pending change', () => {
    expect(stateAtPeriodEnd({ ...base, cancelAtPeriodEnd: true, pendingChange: change })).toEqual({
      action: 'cancel', data: { status: 'cancelled', cancelledAt: D('2026-03-31T05:00:00Z'), cancelAtPeriodEnd: false, pendingChange: null },
    });
  });

  it('a pending change on the same cycle takes the next period of the same schedule and keeps the coupon', () => {
    const outcome = stateAtPeriodEnd({ ...base, pendingChange: change });
    expect(outcome).toEqual({
      action: 'change',
      data: { planId: 'p2', billingCycle: 'monthly', agentCount: 4, billingAnchor: D('2026-01-31T05:00:00Z'), currentPeriodStart: D('2026-03-31T05:00:00Z'), currentPeriodEnd: D('2026-04-30T05:00:00Z'), pendingChange: null },
      addons: [{ addonId: 'a1', quantity: 4 }],
    });
  });

  it('a cycle change starts a new schedule anchored at the boundary; a change that removes the coupon drops it', () => {
    const outcome = stateAtPeriodEnd({ ...base, billingCycle: 'annual', billingAnchor: D('2025-03-31T05:00:00Z'), currentPeriodStart: D('2025-03-31T05:00:00Z'), pendingChange: { ...change, removes_coupon: 'c1' } });
    expect(outcome.action).toBe('change');
    if (outcome.action !== 'change') return;
    expect(outcome.data).toMatchObject({ billingAnchor: D('2026-03-31T05:00:00Z'), currentPeriodStart: D('2026-03-31T05:00:00Z'), currentPeriodEnd: D('2026-04-30T05:00:00Z'), couponId: null, couponCyclesUsed: 0 });
  });

  it('keeps a coupon the change named but the subscription no longer holds (replaced meanwhile)', () => {
    const outcome = stateAtPeriodEnd({ ...base, couponId: 'c9', pendingChange: { ...change, removes_coupon: 'c1' } });
    expect(outcome.action === 'change' && 'couponId' in outcome.data).toBe(false);
  });
});

describe('stateAtPeriodEnd: the coupon across a change', () => {
  it('a change that removes no coupon leaves the coupon and its used cycles alone, also when the subscription has none', () => {
    const outcome = stateAtPeriodEnd({ ...base, couponId: null, pendingChange: change });
    expect(outcome.action === 'change' && ('couponId' in outcome.data || 'couponCyclesUsed' in outcome.data)).toBe(false);
  });
});
