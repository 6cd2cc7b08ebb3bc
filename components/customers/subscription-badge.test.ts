import { describe, expect, it } from 'vitest';
import { subscriptionBadge } from './subscription-badge';

describe('subscriptionBadge', () => {
  const active = { status: 'active' as const, cancel_at_period_end: false };
  it('names the state that matters most first', () => {
    expect(subscriptionBadge(null)).toEqual({ label: 'No subscription', tone: 'neutral' });
    expect(subscriptionBadge({ ...active, status: 'cancelled', cancel_at_period_end: true })).toEqual({ label: 'Cancelled', tone: 'neutral' });
    expect(subscriptionBadge({ ...active, cancel_at_period_end: true, has_pending_change: true }).label).toBe('Cancels at period end');
    expect(subscriptionBadge({ ...active, status: 'past_due', has_pending_change: true }).label).toBe('Past due');
    expect(subscriptionBadge({ ...active, pending_change: { plan_id: 'x' } }).label).toBe('Change scheduled');
    expect(subscriptionBadge({ ...active, has_pending_change: false })).toEqual({ label: 'Active', tone: 'success' });
  });
});
