/**
 * What a subscription becomes at the end of its current period, pure: the billing run (lib/billing/
 * runs) calls this for each subscription whose period has ended, writes the returned fields under
 * the subscription's row lock, and then (unless cancelled) issues the new period's invoice.
 *
 * 1. `cancel_at_period_end` → cancelled at the period end (no new period, the pending change is dropped).
 * 2. A pending change → its plan, cycle, agents and add-ons from the period end; a cycle change
 *    starts a new schedule anchored there; a coupon the change removes (restricted to other plans)
 *    is dropped. The new period's invoice is then the first of the new terms.
 * 3. Otherwise the next period of the same schedule.
 */
import { nextPeriod, nthPeriod, type TBillingCycle } from '../periods/billing-period';
import type { TPendingChange } from './schemas';

export interface TSubscriptionAtBoundary {
  billingCycle: TBillingCycle;
  /** null: anchored on startedAt. */
  billingAnchor: Date | null;
  startedAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  couponId: string | null;
  pendingChange: TPendingChange | null;
}

export type TBoundaryOutcome =
  | { action: 'cancel'; data: { status: 'cancelled'; cancelledAt: Date; cancelAtPeriodEnd: false; pendingChange: null } }
  | {
      action: 'change';
      data: { planId: string; billingCycle: TBillingCycle; agentCount: number; billingAnchor: Date; currentPeriodStart: Date; currentPeriodEnd: Date; pendingChange: null; couponId?: null; couponCyclesUsed?: 0 };
      /** Replace the subscription's add-ons with these. */
      addons: { addonId: string; quantity: number }[];
    }
  | { action: 'renew'; data: { currentPeriodStart: Date; currentPeriodEnd: Date } };

export function stateAtPeriodEnd(subscription: TSubscriptionAtBoundary): TBoundaryOutcome {
  const boundary = subscription.currentPeriodEnd;
  if (subscription.cancelAtPeriodEnd) {
    return { action: 'cancel', data: { status: 'cancelled', cancelledAt: boundary, cancelAtPeriodEnd: false, pendingChange: null } };
  }
  const currentAnchor = subscription.billingAnchor ?? subscription.startedAt;
  const change = subscription.pendingChange;
  if (change) {
    const cycleChanged = change.billing_cycle !== subscription.billingCycle;
    const anchor = cycleChanged ? boundary : currentAnchor;
    const period = cycleChanged ? nthPeriod(anchor, change.billing_cycle, 0) : nextPeriod(anchor, change.billing_cycle, subscription.currentPeriodStart);
    const dropsCoupon = change.removes_coupon !== null && change.removes_coupon === subscription.couponId;
    return {
      action: 'change',
      data: {
        planId: change.plan_id,
        billingCycle: change.billing_cycle,
        agentCount: change.agent_count,
        billingAnchor: anchor,
        currentPeriodStart: period.start,
        currentPeriodEnd: period.end,
        pendingChange: null,
        ...(dropsCoupon ? { couponId: null, couponCyclesUsed: 0 as const } : {}),
      },
      addons: change.addons.map((item) => ({ addonId: item.addon_id, quantity: item.quantity })),
    };
  }
  const period = nextPeriod(currentAnchor, subscription.billingCycle, subscription.currentPeriodStart);
  return { action: 'renew', data: { currentPeriodStart: period.start, currentPeriodEnd: period.end } };
}
