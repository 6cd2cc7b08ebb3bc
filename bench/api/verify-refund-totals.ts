import pg from 'pg';

export interface TRefundTotals {
  /** Invoices whose amount_refunded differs from the sum of their succeeded refunds. */
  mismatched: number;
  /** Invoices with more refunded than paid (the CHECK constraint should make this impossible). */
  overRefunded: number;
  /** Refunds pending (the default gateway settles at once, so the runs must add none). */
  pending: number;
  /** Succeeded refunds in the database. */
  succeeded: number;
  refundedTotal: string;
}

/** For every invoice: amount_refunded = Σ succeeded refunds ≤ amount_paid. One pass over all invoices. */
export async function verifyRefundTotals(databaseUrl: string): Promise<TRefundTotals> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ mismatched: string; over_refunded: string; pending: string; succeeded: string; refunded_total: string }>(`
      WITH sums AS (
        SELECT invoice_id,
               coalesce(sum(amount) FILTER (WHERE status = 'succeeded'), 0) AS succeeded_sum,
               -- A pending refund keeps its amount reserved in amount_refunded (the seed has one stuck at Xendit).
               coalesce(sum(amount) FILTER (WHERE status = 'pending'), 0) AS pending_sum,
               count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
               count(*) FILTER (WHERE status = 'pending') AS pending
          FROM refunds GROUP BY invoice_id
      )
      SELECT count(*) FILTER (WHERE i.amount_refunded <> coalesce(s.succeeded_sum, 0) + coalesce(s.pending_sum, 0)) AS mismatched,
             count(*) FILTER (WHERE i.amount_refunded > i.amount_paid) AS over_refunded,
             coalesce(sum(s.pending), 0) AS pending,
             coalesce(sum(s.succeeded), 0) AS succeeded,
             coalesce(sum(s.succeeded_sum), 0)::text AS refunded_total
        FROM invoices i LEFT JOIN sums s ON s.invoice_id = i.id`);
    const row = rows[0]!;
    return {
      mismatched: Number(row.mismatched),
      overRefunded: Number(row.over_refunded),
      pending: Number(row.pending),
      succeeded: Number(row.succeeded),
      refundedTotal: row.refunded_total,
    };
  } finally {
    await client.end();
  }
}
