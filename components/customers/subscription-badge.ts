import type { BadgeTone } from '@/components/ui/badge';

type TSubscriptionState = { status: 'active' | 'past_due' | 'cancelled'; cancel_at_period_end: boolean; has_pending_change?: boolean; pending_change?: unknown } | null;

/** How a customer's state reads at a glance: cancelling and scheduled changes before plain "Active". */
export function subscriptionBadge(subscription: TSubscriptionState): { label: string; tone: BadgeTone } {
  if (!subscription) return { label: 'No subscription', tone: 'neutral' };
  if (subscription.status === 'cancelled') return { label: 'Cancelled', tone: 'neutral' };
  if (subscription.cancel_at_period_end) return { label: 'Cancels at period end', tone: 'warning' };
  if (subscription.status === 'past_due') return { label: 'Past due', tone: 'danger' };
  if (subscription.has_pending_change || subscription.pending_change) return { label: 'Change scheduled', tone: 'info' };
  return { label: 'Active', tone: 'success' };
}
