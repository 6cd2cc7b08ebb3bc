import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { REFUND_ACTOR_INCLUDE, invoiceDetailToDto } from './invoice-dto';
import type { TInvoiceDetail } from './schemas';

/** One invoice with its lines, payments, refunds and credit notes (newest first). */
export async function getInvoiceOrThrow(rawId: string): Promise<TInvoiceDetail> {
  const invoice = await db().invoice.findUnique({
    where: { id: parseId(rawId, 'invoice') },
    include: {
      organization: { select: { name: true } },
      coupon: { select: { code: true } },
      lines: true,
      payments: { orderBy: { paidAt: 'asc' } },
      refunds: { include: REFUND_ACTOR_INCLUDE },
      creditNotes: true,
    },
  });
  if (!invoice) throw notFound('invoice');
  return invoiceDetailToDto(invoice);
}
