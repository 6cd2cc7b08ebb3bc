import { listed, type TInvariant } from './invariant';

/** Σ payments − Σ succeeded refunds = collected, per currency; each invoice's paid and refunded figures are its payments and reservations. */
export const moneyInvariants: TInvariant[] = [
  {
    name: 'payments add up to what each invoice says was paid',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ id: string; number: string; amount_paid: string; payments: string }[]>`
        SELECT i.id, i.number, trim_scale(i.amount_paid)::text AS amount_paid, trim_scale(coalesce(p.total, 0))::text AS payments
        FROM invoices i LEFT JOIN (SELECT invoice_id, sum(amount) AS total FROM payments GROUP BY invoice_id) p ON p.invoice_id = i.id
        WHERE i.amount_paid <> coalesce(p.total, 0) ORDER BY i.number`;
      return listed(this.name, rows.map((row) => `invoice ${row.number} (${row.id}) says ${row.amount_paid} paid, its payments add up to ${row.payments}`));
    },
  },
  {
    name: 'every refund holds its reservation',
    async check({ sql }) {
      // A pending or succeeded refund is reserved on its invoice (amount_refunded); a failed one is released.
      const rows = await sql.$queryRaw<{ id: string; number: string; amount_refunded: string; reserved: string }[]>`
        SELECT i.id, i.number, trim_scale(i.amount_refunded)::text AS amount_refunded, trim_scale(coalesce(r.total, 0))::text AS reserved
        FROM invoices i LEFT JOIN (SELECT invoice_id, sum(amount) AS total FROM refunds WHERE status IN ('pending', 'succeeded') GROUP BY invoice_id) r ON r.invoice_id = i.id
        WHERE i.amount_refunded <> coalesce(r.total, 0) ORDER BY i.number`;
      return listed(this.name, rows.map((row) => `invoice ${row.number} (${row.id}) has ${row.amount_refunded} refunded, but its pending and succeeded refunds add up to ${row.reserved}`));
    },
  },
  {
    name: 'per invoice, refunded ≤ paid',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ id: string; number: string; amount_paid: string; amount_refunded: string }[]>`
        SELECT id, number, trim_scale(amount_paid)::text AS amount_paid, trim_scale(amount_refunded)::text AS amount_refunded FROM invoices WHERE amount_refunded > amount_paid ORDER BY number`;
      return listed(this.name, rows.map((row) => `invoice ${row.number} (${row.id}) refunded ${row.amount_refunded} of ${row.amount_paid} paid`));
    },
  },
  {
    name: 'Σ payments − Σ succeeded refunds = collected, per currency',
    async check({ sql, expected }) {
      const rows = await sql.$queryRaw<{ currency: string; paid: string; refunded: string }[]>`
        SELECT currency, trim_scale(sum(paid))::text AS paid, trim_scale(sum(refunded))::text AS refunded FROM (
          SELECT currency, amount AS paid, 0 AS refunded FROM payments
          UNION ALL SELECT currency, 0, amount FROM refunds WHERE status = 'succeeded'
        ) moves GROUP BY currency ORDER BY currency`;
      const failures: string[] = [];
      // The invoices' own figures, independently: Σ amount_paid − Σ (amount_refunded − pending refunds).
      const [invoices] = await sql.$queryRaw<{ mismatched: string | null }[]>`
        SELECT string_agg(currency, ', ') AS mismatched FROM (
          SELECT i.currency FROM invoices i GROUP BY i.currency
          HAVING sum(i.amount_paid) <> coalesce((SELECT sum(amount) FROM payments p WHERE p.currency = i.currency), 0)
        ) bad`;
      if (invoices?.mismatched) failures.push(`${this.name}: the invoices' amount_paid and the payments table disagree in ${invoices.mismatched}`);
      if (expected) {
        const currencies = new Set([...rows.map((row) => row.currency), ...expected.paid.keys()]);
        for (const currency of currencies) {
          const row = rows.find((candidate) => candidate.currency === currency);
          const collected = Number(row?.paid ?? 0) - Number(row?.refunded ?? 0);
          const simulated = (expected.paid.get(currency) ?? 0) - (expected.refunded.get(currency) ?? 0);
          if (collected !== simulated) failures.push(`${this.name}: ${currency} collected ${collected} (payments ${row?.paid ?? 0} − refunds ${row?.refunded ?? 0}), but the simulation paid ${expected.paid.get(currency) ?? 0} and saw ${expected.refunded.get(currency) ?? 0} refunded`);
        }
      }
      return failures;
    },
  },
];
