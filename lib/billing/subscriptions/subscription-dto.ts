import type { Prisma } from '@/lib/generated/prisma/client';
import { ZPendingChange, type TSubscription } from './schemas';
import { cyclesLeft } from './cycles-left';

/** What every subscription read loads: enough for the API shape and for pricing. */
export const SUBSCRIPTION_INCLUDE = {
  plan: true,
  coupon: true,
  addons: { include: { addon: true }, orderBy: [{ createdAt: 'asc' }, { addonId: 'asc' }] },
} as const satisfies Prisma.SubscriptionInclude;

export type TSubscriptionRow = Prisma.SubscriptionGetPayload<{ include: typeof SUBSCRIPTION_INCLUDE }>;

export function subscriptionToDto(row: TSubscriptionRow): TSubscription {
  return {
    id: row.id,
    organization_id: row.organizationId,
    plan_id: row.planId,
    plan_name: row.plan.name,
    status: row.status,
    billing_cycle: row.billingCycle,
    currency: row.currency as TSubscription['currency'],
    agent_count: row.agentCount,
    // A per-agent add-on is stored with quantity 1 (the invoice engine multiplies it by the agents):
    // its quantity is the agent count, always (SPEC §10).
    addons: row.addons.map((item) => ({ addon_id: item.addonId, quantity: item.addon.unit === 'per_agent' ? row.agentCount : item.quantity })),
    coupon: row.coupon ? { coupon_id: row.coupon.id, code: row.coupon.code, cycles_left: cyclesLeft(row.coupon, row.couponCyclesUsed) } : null,
    current_period_start: row.currentPeriodStart.toISOString(),
    current_period_end: row.currentPeriodEnd.toISOString(),
    cancel_at_period_end: row.cancelAtPeriodEnd,
    cancelled_at: row.cancelledAt?.toISOString() ?? null,
    pending_change: row.pendingChange === null ? null : ZPendingChange.parse(row.pendingChange),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
