'use server';

import { z } from 'zod';
import { reconcileRefunds } from '@/lib/billing/refunds/reconcile-refunds';
import { runAdminAction } from '@/lib/http/admin-action';

// "Recheck now" on the Payments & refunds page: the reconciler for one refund, as POST
// /refunds/reconcile {refund_ids: [id]} does; super_admin only (runAdminAction).
export async function recheckRefundAction(refundId: unknown) {
  return runAdminAction(z.uuid({ error: 'Must be a refund id (UUID).' }), refundId, (id) => reconcileRefunds({ refundIds: [id] }));
}
