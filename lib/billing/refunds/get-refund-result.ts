import { REFUND_ACTOR_INCLUDE, refundToDto } from '@/lib/billing/invoices/invoice-dto';
import { db } from '@/lib/db';
import { moneyToJson } from '@/lib/money';
import type { TRefundResult } from './schemas';

/** A refund's answer as POST /invoices/{id}/refund gives it, read back (a refund settled by a webhook or the reconciler). */
export async function getRefundResult(refundId: string): Promise<TRefundResult> {
  const refund = await db().refund.findUniqueOrThrow({ where: { id: refundId }, include: { ...REFUND_ACTOR_INCLUDE, invoice: { select: { status: true } } } });
  return { status: refund.status, refund_amount: moneyToJson(refund.amount), invoice_status: refund.invoice.status, refund: refundToDto(refund) };
}
