import { nowMs } from '@/lib/clock';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import type { PaymentProvider } from '@/lib/generated/prisma/client';
import { type Decimal, toDecimal } from '@/lib/money';

export interface TStuckRefund {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  organizationName: string;
  amount: Decimal;
  currency: string;
  provider: PaymentProvider;
  reason: string;
  createdAt: Date;
  /** The reconciler's last question to the provider; null: never asked. */
  checkedAt: Date | null;
  /** How long it has been pending, in milliseconds. */
  ageMs: number;
}

/**
 * Refunds still `pending` longer than REFUND_PENDING_RECHECK (SPEC §12), oldest first: those the
 * reconciler should have settled, for the Payments & refunds page's "recheck now". Reads
 * refunds_pending_idx (created_at WHERE status = 'pending').
 */
export async function listStuckRefunds(limit = 100): Promise<TStuckRefund[]> {
  const current = nowMs();
  const refunds = await db().refund.findMany({
    where: { status: 'pending', createdAt: { lte: new Date(current - config().REFUND_PENDING_RECHECK) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true, invoiceId: true, amount: true, currency: true, provider: true, reason: true, createdAt: true, checkedAt: true,
      invoice: { select: { number: true, organization: { select: { name: true } } } },
    },
  });
  return refunds.map(({ invoice, amount, ...refund }) => ({
    ...refund,
    amount: toDecimal(amount),
    invoiceNumber: invoice.number,
    organizationName: invoice.organization.name,
    ageMs: current - refund.createdAt.getTime(),
  }));
}
