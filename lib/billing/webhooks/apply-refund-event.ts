import { recordAudit } from '@/lib/audit/record-audit';
import { issueCreditNote } from '@/lib/billing/credit-notes/issue-credit-note';
import { statusAfterRefundsSql } from '@/lib/billing/refunds/status-after-refunds-sql';
import { now } from '@/lib/clock';
import type { Tx } from '@/lib/db';
import { Prisma, type PaymentProvider, type RefundStatus } from '@/lib/generated/prisma/client';
import { moneyToJson } from '@/lib/money';
import type { TInboundEvent } from './inbound-event';
import { refundTransition } from './refund-transition';

type TRefundAction = Extract<TInboundEvent['action'], { kind: 'refund' }>;
export interface TAppliedEvent {
  state: 'applied' | 'ignored' | 'unmatched';
  detail: string | null;
  refundId?: string;
  invoiceId?: string;
}

interface TLockedRefund {
  id: string;
  invoice_id: string;
  amount: Prisma.Decimal;
  status: RefundStatus;
  provider: PaymentProvider;
  returned_at: Date | null;
}

/**
 * A provider's refund status applied to our refund, inside the caller's transaction, under the
 * refund's row lock (settle-refund.ts and the reconciler only ever move a `pending` refund, so the
 * three never both apply a transition). The refund is found by our id (Xendit's reference_id,
 * Stripe's metadata.refund_id) or by the provider's id; none: unmatched, kept for the operator.
 * Releasing a reservation is a relative UPDATE of the invoice, as in settle-refund.ts.
 */
export async function applyRefundEvent(tx: Tx, provider: PaymentProvider, action: TRefundAction): Promise<TAppliedEvent> {
  const [refund] = await tx.$queryRaw<TLockedRefund[]>`
    SELECT id, invoice_id, amount, status::text AS status, provider::text AS provider, returned_at FROM refunds
    WHERE provider = ${provider}::"PaymentProvider" AND (id = ${action.ourRefundId}::uuid OR gateway_ref = ${action.providerRefundId}::text)
    LIMIT 1 FOR UPDATE`;
  if (!refund) return { state: 'unmatched', detail: `No ${provider} refund of ours is ${action.providerRefundId}.` };
  const ids = { refundId: refund.id, invoiceId: refund.invoice_id };
  const transition = refundTransition(refund.status, action.status, provider, refund.returned_at !== null);
  if (transition.kind === 'ignore') return { state: 'ignored', detail: transition.why, ...ids };
  const at = now();
  if (transition.kind === 'note_reference') {
    await tx.$executeRaw`UPDATE refunds SET gateway_ref = coalesce(gateway_ref, ${action.providerRefundId}::text) WHERE id = ${refund.id}::uuid`;
    return { state: 'applied', detail: 'Still pending at the provider.', ...ids };
  }
  if (transition.kind === 'succeed') {
    await tx.$executeRaw`UPDATE refunds SET status = 'succeeded', gateway_ref = coalesce(gateway_ref, ${action.providerRefundId}::text), settled_at = ${at}::timestamptz WHERE id = ${refund.id}::uuid`;
    await issueCreditNote(tx, refund.id, at);
  } else {
    const reason = transition.kind === 'return' ? `Returned: ${action.failureReason ?? 'the bank returned the refund'}` : `${provider}: ${action.failureReason ?? 'refund failed'}`;
    await tx.$executeRaw`
      UPDATE refunds SET status = 'failed', failure_reason = ${reason}::text, gateway_ref = coalesce(gateway_ref, ${action.providerRefundId}::text),
        settled_at = coalesce(settled_at, ${at}::timestamptz), returned_at = ${transition.kind === 'return' ? at : null}::timestamptz
      WHERE id = ${refund.id}::uuid`;
    // The money came back: its credit note no longer credits anything (it keeps its number).
    if (transition.kind === 'return') await tx.$executeRaw`UPDATE credit_notes SET voided_at = ${at}::timestamptz WHERE refund_id = ${refund.id}::uuid AND voided_at IS NULL`;
    await tx.$executeRaw`
      UPDATE invoices SET amount_refunded = amount_refunded - ${refund.amount}::numeric,
        status = ${statusAfterRefundsSql(Prisma.sql`amount_refunded - ${refund.amount}::numeric`, Prisma.sql`amount_paid`)}, updated_at = ${at}::timestamptz
      WHERE id = ${refund.invoice_id}::uuid`;
  }
  const action_ = transition.kind === 'succeed' ? 'invoice.refund_succeeded' : transition.kind === 'return' ? 'invoice.refund_returned' : 'invoice.refund_failed';
  await recordAudit(tx, 'system', {
    action: action_,
    entityType: 'invoice',
    entityId: refund.invoice_id,
    before: { refund_id: refund.id, status: refund.status },
    after: { refund_id: refund.id, status: transition.kind === 'succeed' ? 'succeeded' : 'failed', amount: moneyToJson(refund.amount), provider, provider_refund_id: action.providerRefundId },
  });
  return { state: 'applied', detail: transition.kind === 'return' ? 'Returned after success: the reservation is released.' : null, ...ids };
}
