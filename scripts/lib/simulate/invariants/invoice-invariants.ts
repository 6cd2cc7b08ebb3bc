import { listed, type TInvariant } from './invariant';

/** Every invoice's lines add up to its total, and its header to itself. */
export const invoiceInvariants: TInvariant[] = [
  {
    name: 'every invoice\'s lines add up to its total',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ id: string; number: string; total: string; lines: string; header: string }[]>`
        SELECT i.id, i.number, trim_scale(i.total)::text AS total, trim_scale(coalesce(l.total, 0))::text AS lines, trim_scale(i.subtotal - i.discount_total + i.tax_total)::text AS header
        FROM invoices i LEFT JOIN (SELECT invoice_id, sum(amount) AS total FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = i.id
        WHERE i.total <> coalesce(l.total, 0) OR i.total <> i.subtotal - i.discount_total + i.tax_total OR i.total < 0
        ORDER BY i.number`;
      return listed(this.name, rows.map((row) => `invoice ${row.number} (${row.id}) totals ${row.total}; its lines add up to ${row.lines}, subtotal − discount + tax to ${row.header}`));
    },
  },
];
