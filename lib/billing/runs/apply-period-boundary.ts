import type { Tx } from '@/lib/db';
import { Prisma, type Subscription } from '@/lib/generated/prisma/client';
import { ZPendingChange } from '@/lib/billing/subscriptions/schemas';
import { stateAtPeriodEnd } from '@/lib/billing/subscriptions/state-at-period-end';
import type { TPeriod } from './next-billing-step';

/**
 * What happens to a subscription when its current period ends, decided inside the billing run's
 * transaction with the subscription row locked (SPEC §10–§11), by stateAtPeriodEnd
 * (lib/billing/subscriptions/state-at-period-end.ts) and written here through `tx`:
 *
 * - `cancel` → `end`: it was cancelled at period end; its cancel flag and pending change are
 *   cleared here, and the run makes it `cancelled` at the boundary with no new period and no
 *   renewal invoice (a monthly subscription's overage of its last period still goes on a usage
 *   invoice, and the end is audited: lib/billing/runs/bill-subscriptions.ts).
 * - `change` → `renew`: the pending change is applied from the boundary (plan, cycle, agents,
 *   anchor, add-ons replaced, the coupon dropped when the change removes it) and cleared, so the
 *   renewal invoice already bills the new terms on the new schedule.
 * - `renew`: the next period of the same schedule (anchored on `billing_anchor ?? started_at`).
 */
export type TBoundaryDecision = { action: 'renew'; subscription: Subscription; period: TPeriod } | { action: 'end' };

export type TBoundaryPolicy = (tx: Tx, subscription: Subscription, at: Date) => Promise<TBoundaryDecision>;

export const applyPeriodBoundary: TBoundaryPolicy = async (tx, subscription, at) => {
  const pendingChange = subscription.pendingChange === null ? null : ZPendingChange.parse(subscription.pendingChange);
  const outcome = stateAtPeriodEnd({ ...subscription, pendingChange });
  if (outcome.action === 'cancel') {
    await tx.subscription.update({ where: { id: subscription.id }, data: { cancelAtPeriodEnd: false, pendingChange: Prisma.DbNull, updatedAt: at } });
    return { action: 'end' };
  }
  const period = { start: outcome.data.currentPeriodStart, end: outcome.data.currentPeriodEnd };
  if (outcome.action === 'renew') return { action: 'renew', subscription, period };
  const { pendingChange: _cleared, ...terms } = outcome.data;
  await tx.subscriptionAddon.deleteMany({ where: { subscriptionId: subscription.id } });
  if (outcome.addons.length > 0) {
    await tx.subscriptionAddon.createMany({ data: outcome.addons.map((item) => ({ subscriptionId: subscription.id, ...item, createdAt: at })) });
  }
  // The period itself is written by the run with the renewal (advanceSubscriptions), in the same transaction.
  const updated = await tx.subscription.update({
    where: { id: subscription.id },
    data: { planId: terms.planId, billingCycle: terms.billingCycle, agentCount: terms.agentCount, billingAnchor: terms.billingAnchor, pendingChange: Prisma.DbNull, ...('couponId' in terms ? { couponId: null, couponCyclesUsed: 0 } : {}), updatedAt: at },
  });
  return { action: 'renew', subscription: updated, period };
};
