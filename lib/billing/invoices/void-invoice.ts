import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { getInvoiceOrThrow } from './get-invoice-or-throw';
import type { TInvoiceDetail, TVoidInvoiceInput } from './schemas';

/**
 * Voids an open invoice (SPEC §11): it keeps its number and lines, records when and why, and any
 * coupon use it consumed stays consumed. Only `open` invoices: a draft was never issued, and a
 * paid one is undone by a refund, not a void.
 *
 * Race-freedom: one conditional UPDATE whose WHERE carries the precondition (`status = 'open'`).
 * Concurrent voids (or a payment) of the same invoice queue on its row lock; PostgreSQL re-checks
 * the WHERE against the row the winner committed, so exactly one void updates a row and writes
 * its audit entry, in the same transaction; the others update nothing and answer 409.
 */
export async function voidInvoice(rawId: string, input: TVoidInvoiceInput, actor: TActor, requestId?: string): Promise<TInvoiceDetail> {
  const id = parseId(rawId, 'invoice');
  const voidedAt = now();
  await db().$transaction(async (tx) => {
    const { count } = await tx.invoice.updateMany({
      where: { id, status: 'open' },
      data: { status: 'void', voidedAt, voidReason: input.reason },
    });
    const current = await tx.invoice.findUnique({ where: { id }, select: { status: true, number: true } });
    if (!current) throw notFound('invoice');
    if (count === 0) {
      throw conflict(
        'invoice_not_voidable',
        `Invoice ${current.number} is ${current.status.replace('_', ' ')}; only open invoices can be voided.`,
        { invoice_status: current.status },
      );
    }
    await recordAudit(tx, actor, {
      action: 'invoice.voided',
      entityType: 'invoice',
      entityId: id,
      before: { number: current.number, status: 'open' },
      after: { number: current.number, status: 'void', voided_at: voidedAt.toISOString(), void_reason: input.reason },
      requestId,
    });
  });
  return getInvoiceOrThrow(id);
}
