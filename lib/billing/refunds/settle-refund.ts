import { auditInsertSql, jsonbValue, moneyJsonb } from '@/lib/audit/audit-insert-sql';
import type { TActor } from '@/lib/auth/actor';
import type { TRefund } from '@/lib/billing/invoices/schemas';
import { creditNoteCtes } from '@/lib/billing/credit-notes/issue-credit-note';
import { db } from '@/lib/db';
import { Prisma, type InvoiceStatus } from '@/lib/generated/prisma/client';
import { now } from '@/lib/clock';
import { moneyToJson } from '@/lib/money';
import { getRefundResult } from './get-refund-result';
import type { GatewayRefundResult } from './payment-gateway';
import type { TReservation } from './reserve-refund';
import type { TRefundResult } from './schemas';
import { statusAfterRefundsSql } from './status-after-refunds-sql';

/**
 * Step 2 of a refund (refund-invoice.ts): records the gateway's answer — the refund's status, the
 * invoice's totals, the audit entry — in ONE statement.
 *
 * No invoice lock here. `succeeded` (or `pending`) changes only this refund's row: the invoice
 * already counts the amount since step 1 committed, and no other request writes this refund (its
 * id was made by this request), so there is no invariant across rows to protect; the invoice's
 * status and amount_refunded are read for the answer and the audit entry as last committed — the
 * same values a lock would have waited for, give or take a concurrent refund of the same invoice,
 * which its own audit entry then records. `failed` gives the reservation back with a relative
 * UPDATE (amount_refunded − amount), which locks the row itself and, in READ COMMITTED, computes
 * from its newest version, so a concurrent reservation is never lost; the status follows from the
 * same row version. `succeeded` also issues the refund's credit note in the same statement
 * (credit-notes/issue-credit-note.ts): the month's counter row is locked only until this statement
 * commits, and the note's foreign key to the invoice takes a KEY SHARE lock, which a reservation's
 * FOR NO KEY UPDATE does not block.
 */
export async function settleRefund(reservation: TReservation, outcome: GatewayRefundResult, actor: TActor, requestId?: string): Promise<TRefundResult> {
  const { refundId, invoiceId, amount } = reservation;
  const refund = refundDto(reservation, outcome, actor);
  const reference = outcome.reference ?? null;
  const settledAt = outcome.status === 'pending' ? null : now();
  // `AND status = 'pending'`: a webhook may have settled it first (the provider answered it before
  // its HTTP response reached us); a final status is never overwritten, and nothing else then
  // happens in this statement (no row, no release, no audit entry).
  const settle = outcome.status === 'failed'
    ? Prisma.sql`UPDATE refunds SET status = 'failed', failure_reason = ${outcome.reason}::text, gateway_ref = coalesce(${reference}::text, gateway_ref), settled_at = ${settledAt}::timestamptz
        WHERE id = ${refundId}::uuid AND status = 'pending' RETURNING id`
    : Prisma.sql`UPDATE refunds SET status = ${outcome.status}::"RefundStatus", gateway_ref = coalesce(${reference}::text, gateway_ref), settled_at = ${settledAt}::timestamptz
        WHERE id = ${refundId}::uuid AND status = 'pending' RETURNING id`;
  const invoiceAfter = outcome.status === 'failed'
    ? Prisma.sql`
        UPDATE invoices SET amount_refunded = amount_refunded - ${amount.toFixed()}::numeric,
          status = ${statusAfterRefundsSql(Prisma.sql`amount_refunded - ${amount.toFixed()}::numeric`, Prisma.sql`amount_paid`)},
          updated_at = ${now()}::timestamptz
        WHERE id = ${invoiceId}::uuid AND EXISTS (SELECT 1 FROM settled)
        RETURNING status, amount_refunded`
    : Prisma.sql`SELECT status, amount_refunded FROM invoices WHERE id = ${invoiceId}::uuid AND EXISTS (SELECT 1 FROM settled)`;
  // Succeeded: its credit note in the same statement (SPEC §12), only if this statement settled it.
  const creditNote = outcome.status === 'succeeded'
    ? Prisma.sql`, ${creditNoteCtes({ ...reservation, issuedAt: settledAt ?? now() }, Prisma.sql`settled`)}`
    : Prisma.empty;

  const [after] = await settleUntilStarted(() => db().$queryRaw<{ status: InvoiceStatus }[]>`
    WITH settled AS (${settle}),
    invoice AS MATERIALIZED (${invoiceAfter}),
    audit AS (
      ${auditInsertSql(
        actor,
        {
          action: `invoice.refund_${refund.status}`,
          entityType: 'invoice',
          entityId: invoiceId,
          before: jsonbValue({ status: reservation.statusBefore, amount_refunded: moneyToJson(reservation.refundedBefore) }),
          after: Prisma.sql`jsonb_build_object('status', invoice.status, 'amount_refunded', ${moneyJsonb(Prisma.sql`invoice.amount_refunded`)}, 'refund', ${jsonbValue(refund)})`,
          requestId,
        },
        Prisma.sql`invoice`,
      )}
    )${creditNote}
    SELECT status::text AS status FROM invoice`);
  // Settled meanwhile by the provider's webhook: the answer is the refund as it was settled.
  if (!after) return getRefundResult(refundId);
  return { status: refund.status, refund_amount: moneyToJson(amount), invoice_status: after.status, refund };
}

/**
 * The refund as the API shows it, from what this request knows: no read-back. `created_by` is the
 * actor's label — the words refundToDto derives from a refund's actor (a user's email,
 * `API key <name> (<prefix>…)`); the refund tests compare both.
 */
function refundDto(reservation: TReservation, outcome: GatewayRefundResult, actor: TActor): TRefund {
  return {
    id: reservation.refundId,
    invoice_id: reservation.invoiceId,
    amount: moneyToJson(reservation.amount),
    currency: reservation.currency as TRefund['currency'],
    reason: reservation.reason,
    status: outcome.status,
    failure_reason: outcome.status === 'failed' ? outcome.reason : null,
    provider: reservation.provider,
    method: reservation.method,
    reference: reservation.reference,
    returned_at: null,
    created_by: actor.label,
    created_at: reservation.createdAt.toISOString(),
  };
}

const SETTLE_ATTEMPTS = 5;

/**
 * The gateway has already moved the money when settling starts, so settling must not give up
 * because no pooled connection was free in time (200 refunds queued on one invoice did that,
 * docs/PERFORMANCE.md): the refund would stay pending and the client would get a retryable 503
 * for a refund that happened. Retried only when the statement never reached the database (no
 * connection in time), never when it may have committed.
 */
async function settleUntilStarted<T>(settle: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await settle();
    } catch (error) {
      if (attempt >= SETTLE_ATTEMPTS || !neverStarted(error)) throw error;
    }
  }
}

// pg-pool's wait for a free connection ran out (P2024 is the same from Prisma's own pool).
function neverStarted(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === 'P2024') return true;
    if (typeof candidate.message === 'string' && candidate.message.includes('timeout exceeded when trying to connect')) return true;
    current = candidate.cause;
  }
  return false;
}
