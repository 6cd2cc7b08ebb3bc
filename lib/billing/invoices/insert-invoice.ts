import type { Tx } from '@/lib/db';
import type { InvoiceKind } from '@/lib/generated/prisma/client';
import type { Decimal } from '@/lib/money';
import type { TComputedInvoiceLine } from './compute-invoice';

export interface TInsertInvoiceInput {
  organizationId: string;
  subscriptionId: string;
  planId: string;
  currency: string;
  kind: InvoiceKind;
  periodStart: Date;
  periodEnd: Date;
  computed: { lines: readonly TComputedInvoiceLine[]; subtotal: Decimal; discountTotal: Decimal; taxRate: Decimal; taxTotal: Decimal; total: Decimal };
  couponId: string | null;
  issuedAt: Date;
  dueInDays?: number;
}

/**
 * Writes one open invoice with its lines inside the caller's transaction, numbered
 * INV-YYYYMM-NNNNNN from invoice_number_seq (unique under any concurrency; gaps only from
 * rolled-back transactions). Every amount is already computed and rounded by the caller.
 */
export async function insertInvoice(tx: Tx, input: TInsertInvoiceInput) {
  const { issuedAt, computed } = input;
  const [{ nextval }] = await tx.$queryRaw<[{ nextval: bigint }]>`SELECT nextval('invoice_number_seq')`;
  const number = `INV-${issuedAt.toISOString().slice(0, 7).replace('-', '')}-${String(nextval).padStart(6, '0')}`;
  return tx.invoice.create({
    data: {
      number,
      organizationId: input.organizationId,
      subscriptionId: input.subscriptionId,
      planId: input.planId,
      currency: input.currency,
      kind: input.kind,
      status: 'open',
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      subtotal: computed.subtotal.toString(),
      discountTotal: computed.discountTotal.toString(),
      taxRate: computed.taxRate.toString(),
      taxTotal: computed.taxTotal.toString(),
      total: computed.total.toString(),
      couponId: input.couponId,
      issuedAt,
      dueAt: new Date(issuedAt.getTime() + (input.dueInDays ?? 14) * 86_400_000),
      createdAt: issuedAt,
      lines: {
        create: computed.lines.map((line, position) => ({
          position, kind: line.kind, description: line.description, quantity: line.quantity,
          unitAmount: line.unitAmount.toString(), amount: line.amount.toString(), addonId: line.addonId ?? null,
        })),
      },
    },
  });
}
