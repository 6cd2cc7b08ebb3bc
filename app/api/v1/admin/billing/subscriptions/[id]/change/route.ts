import { changeSubscription } from '@/lib/billing/subscriptions/change-subscription';
import { ZChangeSubscriptionInput } from '@/lib/billing/subscriptions/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

// With preview_id, a change is refused (409 subscription_changed) when what the preview showed moved.
export const POST = adminRoute<{ id: string }>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'subscription');
  return json(await changeSubscription(id, body(ZChangeSubscriptionInput), actor, requestId));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
