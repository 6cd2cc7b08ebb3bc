import { db } from '@/lib/db';
import { completeClaim } from '@/lib/http/idempotency';
import { getRefundResult } from './get-refund-result';

/**
 * After a refund settled outside its request (webhook, reconciler): the Idempotency-Key record of
 * the request that made it, if that request died with it pending, is completed with the refund's
 * answer — the client's retry then replays it (and refunds nothing more) instead of waiting on a
 * key held `in_progress`. A record its request already completed is left as it is.
 */
export async function completeRefundClaim(refundId: string): Promise<boolean> {
  const refund = await db().refund.findUnique({ where: { id: refundId }, select: { status: true, idempotencyRecordId: true } });
  if (!refund?.idempotencyRecordId || refund.status === 'pending') return false;
  const result = await getRefundResult(refundId);
  return completeClaim(refund.idempotencyRecordId, 201, JSON.stringify(result));
}
