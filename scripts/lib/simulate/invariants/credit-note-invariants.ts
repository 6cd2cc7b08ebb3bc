import { listed, type TInvariant } from './invariant';

/**
 * Per invoice, Σ credit notes = Σ succeeded refunds (SPEC §12: every succeeded refund produces one).
 * Credit notes are being built in parallel: this rule activates by itself once a `credit_notes`
 * table exists, reading its refund link and amount column by name (`refund_id`; `total` or
 * `amount`); until then it reports nothing.
 */
export const creditNoteInvariants: TInvariant[] = [
  {
    name: 'per invoice, Σ credit notes = Σ succeeded refunds',
    async check({ sql }) {
      const columns = (await sql.$queryRaw<{ column_name: string }[]>`
        SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'credit_notes'`).map((row) => row.column_name);
      if (columns.length === 0) return [];
      const amount = ['total', 'amount'].find((name) => columns.includes(name));
      if (!columns.includes('refund_id') || !amount) return [`${this.name}: credit_notes has no refund_id and total/amount columns to check (it has ${columns.join(', ')})`];
      // The column name is one of two constants above, never input.
      const rows = await sql.$queryRawUnsafe<{ invoice_id: string; number: string; refunded: string; credited: string }[]>(`
        SELECT i.id AS invoice_id, i.number, trim_scale(coalesce(r.total, 0))::text AS refunded, trim_scale(coalesce(n.total, 0))::text AS credited
        FROM invoices i
        LEFT JOIN (SELECT invoice_id, sum(amount) AS total FROM refunds WHERE status = 'succeeded' GROUP BY invoice_id) r ON r.invoice_id = i.id
        LEFT JOIN (SELECT rf.invoice_id, sum(cn."${amount}") AS total FROM credit_notes cn JOIN refunds rf ON rf.id = cn.refund_id GROUP BY rf.invoice_id) n ON n.invoice_id = i.id
        WHERE coalesce(r.total, 0) <> coalesce(n.total, 0) ORDER BY i.number`);
      return listed(this.name, rows.map((row) => `invoice ${row.number} (${row.invoice_id}): succeeded refunds ${row.refunded}, credit notes ${row.credited}`));
    },
  },
];
