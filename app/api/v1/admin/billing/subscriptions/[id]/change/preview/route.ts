import { previewSubscriptionChange } from '@/lib/billing/subscriptions/preview-subscription-change';
import { ZChangeSubscriptionInput } from '@/lib/billing/subscriptions/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

// Writes nothing: the same body as /change, answered with every line and a preview_id.
export const POST = adminRoute<{ id: string }>(async ({ params, body }) => {
  const id = parseId(params.id, 'subscription');
  return json(await previewSubscriptionChange(id, body(ZChangeSubscriptionInput)));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
