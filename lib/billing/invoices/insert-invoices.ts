import { recordAudits } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import type { Tx } from '@/lib/db';
import { conflict } from '@/lib/errors';
import type { InvoiceKind } from '@/lib/generated/prisma/enums';
import type { TComputedInvoice } from './compute-invoice';

/** An invoice ready to be written: everything but its number, which only the insert may take. */
export interface TInvoiceDraft {
  /** Chosen by the caller (randomUUID) so lines and coupon records can point at it. */
  id: string;
  kind: InvoiceKind;
  organizationId: string;
  subscriptionId: string;
  planId: string;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  computed: TComputedInvoice;
  /** The coupon that discounted it (only when the discount is above zero). */
  couponId: string | null;
  issuedAt: Date;
  dueAt: Date;
  /** Added to the audit entry's `after`. */
  audit?: Record<string, unknown>;
}

/**
 * Writes invoices inside the caller's transaction, exactly once per (subscription, kind, period):
 *
 * - Numbers `INV-YYYYMM-NNNNNN` come from one counter row per month of issue, advanced by the
 *   number of invoices in one upsert (invoice_number_counters). The row stays locked until the
 *   transaction ends, so concurrent issuers take their numbers one after the other, and a
 *   transaction that rolls back gives its numbers back: unique and gap-free per month.
 * - The insert is ON CONFLICT DO NOTHING against the partial unique index on (subscription_id,
 *   kind, period_start) of invoices that are not void: a period invoiced meanwhile (another run,
 *   another instance) is never invoiced twice. Any skipped row throws 409 period_already_invoiced,
 *   which rolls the whole transaction back — numbers included — so no number is ever lost.
 */
export async function insertInvoices(tx: Tx, drafts: readonly TInvoiceDraft[], actor: TActor | 'system'): Promise<Map<string, string>> {
  const numbers = await takeNumbers(tx, drafts);
  const { count } = await tx.invoice.createMany({
    skipDuplicates: true,
    data: drafts.map((draft) => ({
      id: draft.id, number: numbers.get(draft.id)!, kind: draft.kind, status: 'open' as const,
      organizationId: draft.organizationId, subscriptionId: draft.subscriptionId, planId: draft.planId, currency: draft.currency,
      periodStart: draft.periodStart, periodEnd: draft.periodEnd,
      subtotal: draft.computed.subtotal.toString(), discountTotal: draft.computed.discountTotal.toString(),
      taxRate: draft.computed.taxRate.toString(), taxTotal: draft.computed.taxTotal.toString(), total: draft.computed.total.toString(),
      couponId: draft.couponId, issuedAt: draft.issuedAt, dueAt: draft.dueAt, createdAt: draft.issuedAt,
    })),
  });
  if (count !== drafts.length) {
    const subject = drafts.length === 1 ? `This ${drafts[0]!.kind} period is` : `${drafts.length - count} of these periods are`;
    throw conflict('period_already_invoiced', `${subject} already invoiced.`);
  }
  await tx.invoiceLine.createMany({
    data: drafts.flatMap((draft) =>
      draft.computed.lines.map((line, position) => ({
        invoiceId: draft.id, position, kind: line.kind, description: line.description, quantity: line.quantity,
        unitAmount: line.unitAmount.toString(), amount: line.amount.toString(), addonId: line.addonId ?? null,
      })),
    ),
  });
  await recordAudits(tx, actor, drafts.map((draft) => ({
    action: 'invoice.issued', entityType: 'invoice', entityId: draft.id,
    after: { number: numbers.get(draft.id), kind: draft.kind, total: draft.computed.total.toNumber(), discount_total: draft.computed.discountTotal.toNumber(), ...draft.audit },
  })));
  return numbers;
}

/** Invoice id → number, from the month counters (one upsert per month of issue, usually one). */
async function takeNumbers(tx: Tx, drafts: readonly TInvoiceDraft[]): Promise<Map<string, string>> {
  const byMonth = new Map<string, TInvoiceDraft[]>();
  for (const draft of drafts) {
    const month = draft.issuedAt.toISOString().slice(0, 7).replace('-', '');
    byMonth.set(month, [...(byMonth.get(month) ?? []), draft]);
  }
  const numbers = new Map<string, string>();
  for (const [month, inMonth] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const [{ last_number: last }] = await tx.$queryRaw<[{ last_number: number }]>`
      INSERT INTO invoice_number_counters (month, last_number) VALUES (${month}, ${inMonth.length})
      ON CONFLICT (month) DO UPDATE SET last_number = invoice_number_counters.last_number + EXCLUDED.last_number
      RETURNING last_number`;
    inMonth.forEach((draft, index) => numbers.set(draft.id, `INV-${month}-${String(last - inMonth.length + 1 + index).padStart(6, '0')}`));
  }
  return numbers;
}
