import type { Tx } from '@/lib/db';
import type { Subscription } from '@/lib/generated/prisma/client';

/**
 * What happens to a subscription when its current period ends, decided inside the billing run's
 * transaction with the subscription row locked (SPEC §10–§11):
 *
 * - `renew`: it continues into the next period, priced as `subscription` says. A pending change
 *   that takes effect at period end is applied here first (plan, cycle, agents, add-ons written
 *   through `tx`, and the updated row returned), so the renewal invoice already bills it.
 * - `end`: it was cancelled at period end: it becomes `cancelled` at the boundary, gets no new
 *   period and no renewal invoice; a monthly subscription's overage of its last period still goes
 *   on a usage invoice (lib/billing/runs/bill-subscriptions.ts does both).
 *
 * On this branch subscriptions have no `cancel_at_period_end` or `pending_change` yet (they come
 * with the customers change, issue 13), so every subscription renews unchanged. Wiring them is
 * this function only: return `{ action: 'end' }` when `subscription.cancelAtPeriodEnd`, and apply
 * `subscription.pendingChange` (then clear it) before returning `renew` with the updated row.
 * The run's tests pass their own policy to runBilling (`boundary`) to cover the `end` path.
 */
export type TBoundaryDecision = { action: 'renew'; subscription: Subscription } | { action: 'end' };

export type TBoundaryPolicy = (tx: Tx, subscription: Subscription, at: Date) => Promise<TBoundaryDecision>;

export const applyPeriodBoundary: TBoundaryPolicy = async (_tx, subscription) => ({ action: 'renew', subscription });
