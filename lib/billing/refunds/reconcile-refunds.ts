import { applyRefundEvent } from '@/lib/billing/webhooks/apply-refund-event';
import { nowMs } from '@/lib/clock';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import type { PaymentProvider } from '@/lib/generated/prisma/client';
import { toDecimal } from '@/lib/money';
import { completeRefundClaim } from './complete-refund-claim';
import { paymentGateway } from './payment-gateway';

export interface TReconcileResult {
  checked: number;
  succeeded: number;
  failed: number;
  still_pending: number;
  errors: { refund_id: string; message: string }[];
}

interface TPendingRefund {
  id: string;
  invoice_id: string;
  amount: string;
  currency: string;
  reason: string;
  provider: PaymentProvider;
  provider_payment_id: string | null;
  gateway_ref: string | null;
}

/**
 * Settles refunds still `pending` (SPEC §12): those older than REFUND_PENDING_RECHECK (counted from
 * their last check), or exactly `refundIds` ("recheck now"). Each is asked of its provider — by the
 * provider's refund id when known, otherwise by creating it again with our refund id as the
 * idempotency key, which returns the refund made or makes it now: so a refund whose request died
 * between the reservation and the provider call is sent exactly once. A final answer is applied as
 * a webhook's would be (apply-refund-event.ts: row lock, never over a final status, audit as the
 * system), then the dead request's Idempotency-Key record is completed with the settled answer.
 *
 * Two reconcilers at once: each refund is taken by one (checked_at moved in a conditional UPDATE),
 * and asking twice would be harmless anyway (same idempotency key).
 */
export async function reconcileRefunds(options: { refundIds?: string[]; limit?: number } = {}): Promise<TReconcileResult> {
  const cutoff = new Date(nowMs() - config().REFUND_PENDING_RECHECK);
  const checkedAt = new Date(nowMs());
  const ids = options.refundIds ?? null;
  const due = await db().$queryRaw<TPendingRefund[]>`
    UPDATE refunds r SET checked_at = ${checkedAt}::timestamptz
    FROM (
      SELECT id FROM refunds
      WHERE status = 'pending' AND (${ids}::uuid[] IS NOT NULL AND id = ANY(${ids}::uuid[]) OR ${ids}::uuid[] IS NULL AND coalesce(checked_at, created_at) <= ${cutoff}::timestamptz)
      ORDER BY created_at LIMIT ${options.limit ?? 200}
      FOR UPDATE SKIP LOCKED
    ) picked
    WHERE r.id = picked.id
    RETURNING r.id, r.invoice_id, r.amount::text AS amount, r.currency, r.reason, r.provider::text AS provider, r.gateway_ref,
      (SELECT provider_payment_id FROM payments p WHERE p.id = r.payment_id) AS provider_payment_id`;

  const result: TReconcileResult = { checked: 0, succeeded: 0, failed: 0, still_pending: 0, errors: [] };
  for (const refund of due) {
    result.checked++;
    try {
      const status = await settleOne(refund);
      result[status === 'pending' ? 'still_pending' : status]++;
    } catch (error) {
      result.errors.push({ refund_id: refund.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

async function settleOne(refund: TPendingRefund): Promise<'succeeded' | 'failed' | 'pending'> {
  const gateway = paymentGateway();
  const request = {
    refundId: refund.id, invoiceId: refund.invoice_id, amount: toDecimal(refund.amount), currency: refund.currency, reason: refund.reason,
    provider: refund.provider, providerPaymentId: refund.provider_payment_id, providerRefundId: refund.gateway_ref,
  };
  const answer = await (gateway.lookup ?? gateway.refund)(request);
  const providerRefundId = answer.reference ?? refund.gateway_ref ?? '';
  const status = answer.status;
  await db().$transaction((tx) =>
    applyRefundEvent(tx, refund.provider, { kind: 'refund', ourRefundId: refund.id, providerRefundId, status, failureReason: status === 'failed' ? answer.reason : null }),
  );
  if (status !== 'pending') await completeRefundClaim(refund.id);
  return status;
}
