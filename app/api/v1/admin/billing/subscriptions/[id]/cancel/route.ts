import { cancelSubscription } from '@/lib/billing/subscriptions/cancel-subscription';
import { ZCancelSubscriptionInput } from '@/lib/billing/subscriptions/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'subscription');
  return json(await cancelSubscription(id, body(ZCancelSubscriptionInput), actor, requestId));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
