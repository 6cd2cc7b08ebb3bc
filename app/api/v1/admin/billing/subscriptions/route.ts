import { createSubscription } from '@/lib/billing/subscriptions/create-subscription';
import { listSubscriptions } from '@/lib/billing/subscriptions/list-subscriptions';
import { ZCreateSubscriptionInput, ZSubscriptionListQuery } from '@/lib/billing/subscriptions/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

export const GET = adminRoute(async ({ request }) => json(await listSubscriptions(parseQuery(request, ZSubscriptionListQuery))));

// The first period's invoice is issued in the same transaction.
export const POST = adminRoute(async ({ body, actor, requestId }) => json(await createSubscription(body(ZCreateSubscriptionInput), actor, requestId), 201));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
