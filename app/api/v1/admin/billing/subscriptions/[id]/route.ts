import { getSubscriptionOrThrow } from '@/lib/billing/subscriptions/get-subscription-or-throw';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute<{ id: string }>(async ({ params }) => json(await getSubscriptionOrThrow(params.id)));
