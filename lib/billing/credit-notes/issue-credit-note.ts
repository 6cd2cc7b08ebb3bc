import type { Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { type Decimal, type DecimalLike, toDecimal } from '@/lib/money';
import { splitCreditNoteTax } from './split-credit-note-tax';

export interface TCreditNoteIssue {
  refundId: string;
  invoiceId: string;
  currency: string;
  /** The refunded amount. */
  amount: Decimal;
  /** The invoice's total and tax: the proportions of the split. */
  invoiceTotal: DecimalLike;
  invoiceTaxTotal: DecimalLike;
  issuedAt: Date;
}

/**
 * Two CTEs that issue the credit note of a refund that has just succeeded (SPEC §12), for a
 * statement that makes it succeed: `credit_note_number` takes the month's next number and
 * `credit_note` inserts the note (RETURNING number), once per row of `when` (one row: issue it; none:
 * nothing happens, no number is taken).
 *
 * Gap-free and unique under concurrency: the counter row of the month is advanced by an upsert in
 * the same transaction as the insert (its row lock queues the others until the commit), and a
 * transaction that fails gives its number back with everything else; never max()+1. Exactly once
 * per refund: every caller issues while holding the refund's row lock, in the transaction that
 * moves it out of `pending`, and credit_notes.refund_id is unique.
 */
export function creditNoteCtes(issue: TCreditNoteIssue, when: Prisma.Sql): Prisma.Sql {
  const month = issue.issuedAt.toISOString().slice(0, 7).replace('-', '');
  const { taxBase, taxAmount } = splitCreditNoteTax(issue.amount, { total: issue.invoiceTotal, taxTotal: issue.invoiceTaxTotal }, issue.currency);
  return Prisma.sql`
    credit_note_number AS (
      INSERT INTO credit_note_number_counters (month, last_number) SELECT ${month}::text, 1 FROM ${when}
      ON CONFLICT (month) DO UPDATE SET last_number = credit_note_number_counters.last_number + 1
      RETURNING last_number
    ),
    credit_note AS (
      INSERT INTO credit_notes (id, number, refund_id, invoice_id, currency, amount, tax_base, tax_amount, issued_at)
      -- NNNN: four digits at least, more past 9,999 in a month (lpad would cut them).
      SELECT gen_random_uuid(), 'CN-' || ${month}::text || '-' || lpad(last_number::text, greatest(4, length(last_number::text)), '0'),
        ${issue.refundId}::uuid, ${issue.invoiceId}::uuid, ${issue.currency}::text, ${issue.amount.toFixed()}::numeric,
        ${taxBase.toFixed()}::numeric, ${taxAmount.toFixed()}::numeric, ${issue.issuedAt}::timestamptz
      FROM credit_note_number
      RETURNING number
    )`;
}

interface TSucceededRefund {
  invoice_id: string;
  currency: string;
  amount: Prisma.Decimal;
  total: Prisma.Decimal;
  tax_total: Prisma.Decimal;
}

/**
 * Issues the credit note of a succeeded refund inside the caller's transaction, which holds the
 * refund's row lock (a webhook or the reconciler settling it; the backfill). A refund that is not
 * `succeeded`, or already has its note, gets none. Returns the note's number, or null.
 */
export async function issueCreditNote(tx: Tx, refundId: string, issuedAt: Date): Promise<string | null> {
  const [refund] = await tx.$queryRaw<TSucceededRefund[]>`
    SELECT r.invoice_id, r.currency, r.amount, i.total, i.tax_total FROM refunds r JOIN invoices i ON i.id = r.invoice_id
    WHERE r.id = ${refundId}::uuid AND r.status = 'succeeded' AND NOT EXISTS (SELECT 1 FROM credit_notes c WHERE c.refund_id = r.id)`;
  if (!refund) return null;
  const issue: TCreditNoteIssue = {
    refundId, invoiceId: refund.invoice_id, currency: refund.currency, amount: toDecimal(refund.amount),
    invoiceTotal: refund.total, invoiceTaxTotal: refund.tax_total, issuedAt,
  };
  const [note] = await tx.$queryRaw<{ number: string }[]>`WITH ${creditNoteCtes(issue, Prisma.sql`(SELECT 1) AS one`)} SELECT number FROM credit_note`;
  return note?.number ?? null;
}
