import { reactivateSubscription } from '@/lib/billing/subscriptions/reactivate-subscription';
import { adminRoute, json } from '@/lib/http/admin-route';

export const POST = adminRoute<{ id: string }>(async ({ params, actor, requestId }) => json(await reactivateSubscription(params.id, actor, requestId)));
