import { getSubscriptionOrThrow } from '@/lib/billing/subscriptions/get-subscription-or-throw';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute<{ id: string }>(async ({ params }) => json(await getSubscriptionOrThrow(params.id)));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
