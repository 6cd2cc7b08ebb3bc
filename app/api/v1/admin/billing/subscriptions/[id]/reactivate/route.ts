import { reactivateSubscription } from '@/lib/billing/subscriptions/reactivate-subscription';
import { adminRoute, json } from '@/lib/http/admin-route';

export const POST = adminRoute<{ id: string }>(async ({ params, actor, requestId }) => json(await reactivateSubscription(params.id, actor, requestId)));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
