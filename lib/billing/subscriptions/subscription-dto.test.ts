import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { subscriptionToDto, type TSubscriptionRow } from './subscription-dto';

const at = (iso: string) => new Date(iso);
const PLAN = '11111111-1111-4111-8111-111111111111';
const row = {
  id: 's1', organizationId: 'o1', planId: 'p1', status: 'active', billingCycle: 'monthly', currency: 'IDR', agentCount: 5,
  plan: { name: 'Growth' },
  addons: [
    { addonId: 'flat-addon', quantity: 2, addon: { unit: 'flat' } },
    { addonId: 'agent-addon', quantity: 1, addon: { unit: 'per_agent' } },
  ],
  coupon: { id: 'c1', code: 'HEMAT', duration: 'repeating', durationInCycles: 3, discountValue: new Decimal(10) },
  couponCyclesUsed: 1,
  currentPeriodStart: at('2026-03-01T00:00:00.000Z'), currentPeriodEnd: at('2026-04-01T00:00:00.000Z'),
  cancelAtPeriodEnd: true, cancelledAt: null, pendingChange: null,
  createdAt: at('2026-01-01T00:00:00.000Z'), updatedAt: at('2026-03-01T00:00:00.000Z'),
} as unknown as TSubscriptionRow;

describe('subscriptionToDto', () => {
  it('shows a subscription with the API field names and its instants as ISO strings', () => {
    expect(subscriptionToDto(row)).toEqual({
      id: 's1', organization_id: 'o1', plan_id: 'p1', plan_name: 'Growth', status: 'active', billing_cycle: 'monthly', currency: 'IDR', agent_count: 5,
      addons: [{ addon_id: 'flat-addon', quantity: 2 }, { addon_id: 'agent-addon', quantity: 5 }],
      coupon: { coupon_id: 'c1', code: 'HEMAT', cycles_left: 2 },
      current_period_start: '2026-03-01T00:00:00.000Z', current_period_end: '2026-04-01T00:00:00.000Z',
      cancel_at_period_end: true, cancelled_at: null, pending_change: null,
      created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z',
    });
  });

  it('a per-agent add-on shows the agent count as its quantity (stored as 1, SPEC §10); a flat one its stored quantity', () => {
    const addons = subscriptionToDto({ ...row, agentCount: 9 } as TSubscriptionRow).addons;
    expect(addons).toEqual([{ addon_id: 'flat-addon', quantity: 2 }, { addon_id: 'agent-addon', quantity: 9 }]);
  });

  it('no coupon shows null; a cancelled one its cancellation time; a pending change is shown as its schema reads it', () => {
    const pending = { plan_id: PLAN, billing_cycle: 'annual', agent_count: 3, addons: [], effective_at: '2026-04-01T00:00:00.000Z', requested_at: '2026-03-10T00:00:00.000Z', removes_coupon: null };
    const dto = subscriptionToDto({ ...row, coupon: null, cancelledAt: at('2026-03-20T00:00:00.000Z'), pendingChange: pending } as unknown as TSubscriptionRow);
    expect(dto.coupon).toBeNull();
    expect(dto.cancelled_at).toBe('2026-03-20T00:00:00.000Z');
    expect(dto.pending_change).toEqual(pending);
    expect(() => subscriptionToDto({ ...row, pendingChange: { plan_id: 'not-a-uuid' } } as unknown as TSubscriptionRow)).toThrow(/plan_id/);
  });
});
