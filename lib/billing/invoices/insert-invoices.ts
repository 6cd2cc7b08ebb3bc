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
  // Set-based: one statement per table for the whole batch (arrays unnested), whatever its size.
  const column = <T>(pick: (draft: TInvoiceDraft) => T) => drafts.map(pick);
  const iso = (date: Date) => date.toISOString();
  const inserted = await tx.$executeRaw`
    INSERT INTO invoices (id, number, kind, status, organization_id, subscription_id, plan_id, currency, period_start, period_end,
                          subtotal, discount_total, tax_rate, tax_total, total, coupon_id, issued_at, due_at, created_at, updated_at)
    SELECT v.id, v.number, v.kind::"InvoiceKind", 'open', v.organization_id, v.subscription_id, v.plan_id, v.currency, v.period_start, v.period_end,
           v.subtotal, v.discount_total, v.tax_rate, v.tax_total, v.total, v.coupon_id, v.issued_at, v.due_at, v.issued_at, v.issued_at
      FROM unnest(${column((d) => d.id)}::uuid[], ${column((d) => numbers.get(d.id)!)}::text[], ${column((d) => d.kind)}::text[],
                  ${column((d) => d.organizationId)}::uuid[], ${column((d) => d.subscriptionId)}::uuid[], ${column((d) => d.planId)}::uuid[], ${column((d) => d.currency)}::text[],
                  ${column((d) => iso(d.periodStart))}::timestamptz[], ${column((d) => iso(d.periodEnd))}::timestamptz[],
                  ${column((d) => d.computed.subtotal.toString())}::numeric[], ${column((d) => d.computed.discountTotal.toString())}::numeric[],
                  ${column((d) => d.computed.taxRate.toString())}::numeric[], ${column((d) => d.computed.taxTotal.toString())}::numeric[], ${column((d) => d.computed.total.toString())}::numeric[],
                  ${column((d) => d.couponId)}::uuid[], ${column((d) => iso(d.issuedAt))}::timestamptz[], ${column((d) => iso(d.dueAt))}::timestamptz[])
           AS v(id, number, kind, organization_id, subscription_id, plan_id, currency, period_start, period_end,
                subtotal, discount_total, tax_rate, tax_total, total, coupon_id, issued_at, due_at)
    ON CONFLICT DO NOTHING`;
  if (inserted !== drafts.length) {
    const subject = drafts.length === 1 ? `This ${drafts[0]!.kind} period is` : `${drafts.length - inserted} of these periods are`;
    throw conflict('period_already_invoiced', `${subject} already invoiced.`);
  }
  const lines = drafts.flatMap((draft) => draft.computed.lines.map((line, position) => ({ invoiceId: draft.id, position, line })));
  await tx.$executeRaw`
    INSERT INTO invoice_lines (id, invoice_id, position, kind, description, quantity, unit_amount, amount, addon_id)
    SELECT gen_random_uuid(), v.invoice_id, v.position, v.kind::"InvoiceLineKind", v.description, v.quantity, v.unit_amount, v.amount, v.addon_id
      FROM unnest(${lines.map((l) => l.invoiceId)}::uuid[], ${lines.map((l) => l.position)}::int[], ${lines.map((l) => l.line.kind)}::text[],
                  ${lines.map((l) => l.line.description)}::text[], ${lines.map((l) => l.line.quantity)}::int[],
                  ${lines.map((l) => l.line.unitAmount.toString())}::numeric[], ${lines.map((l) => l.line.amount.toString())}::numeric[],
                  ${lines.map((l) => l.line.addonId ?? null)}::uuid[])
           AS v(invoice_id, position, kind, description, quantity, unit_amount, amount, addon_id)`;
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
