import { reconcileRefunds } from '@/lib/billing/refunds/reconcile-refunds';
import { ZReconcileInput } from '@/lib/billing/refunds/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';

// SPEC §12: settle pending refunds by asking their providers (a scheduler, or the console's "recheck now").
export const POST = adminRoute(async ({ body }) => json(await reconcileRefunds({ refundIds: body(ZReconcileInput).refund_ids })));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
