import type pg from 'pg';

/**
 * The days where paid_invoice_daily_totals breaks its invariant: a complete, clean day (before
 * complete_before, not dirty) whose totals row differs from the sums over the invoices paid that
 * UTC day (a missing row counts as zero). Empty when the rollup is exact.
 */
export async function rollupDiscrepancies(client: pg.ClientBase): Promise<Array<Record<string, string | null>>> {
  const { rows } = await client.query<Record<string, string | null>>(`
    WITH direct AS (
      SELECT currency, (paid_at AT TIME ZONE 'UTC')::date AS day,
             sum(amount_paid) AS gross, sum(discount_total) AS discounts, count(*)::int AS invoices
        FROM invoices WHERE paid_at IS NOT NULL GROUP BY 1, 2
    )
    SELECT c.currency, c.day::text, c.direct_gross, c.totals_gross, c.direct_discounts, c.totals_discounts,
           c.direct_invoices, c.totals_invoices
      FROM (SELECT currency, day, d.gross::text AS direct_gross, t.gross::text AS totals_gross,
                   d.discounts::text AS direct_discounts, t.discounts::text AS totals_discounts,
                   d.invoices::text AS direct_invoices, t.invoices::text AS totals_invoices
              FROM direct d FULL JOIN paid_invoice_daily_totals t USING (currency, day)
             WHERE (d.gross, d.discounts, d.invoices) IS DISTINCT FROM (t.gross, t.discounts, t.invoices)) c
     WHERE c.day < (SELECT complete_before FROM paid_invoice_rollup_state)
       AND NOT EXISTS (SELECT FROM paid_invoice_dirty_days m WHERE m.currency = c.currency AND m.day = c.day)
     ORDER BY 1, 2`);
  return rows;
}

export async function refreshRollup(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ complete_before: string | null }>('SELECT refresh_paid_invoice_daily_totals()::text AS complete_before');
  return rows[0]!.complete_before;
}

export async function dirtyDays(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ key: string }>(`SELECT currency || ' ' || day AS key FROM paid_invoice_dirty_days ORDER BY 1`);
  return rows.map((row) => row.key);
}
