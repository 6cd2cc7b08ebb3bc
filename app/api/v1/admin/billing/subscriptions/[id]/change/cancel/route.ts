import { cancelPendingChange } from '@/lib/billing/subscriptions/cancel-pending-change';
import { adminRoute, json } from '@/lib/http/admin-route';

export const POST = adminRoute<{ id: string }>(async ({ params, actor, requestId }) => json(await cancelPendingChange(params.id, actor, requestId)));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
