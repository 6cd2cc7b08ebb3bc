import pg from 'pg';

/**
 * The customer page the LCP bench loads: a tenant with a live subscription and the longest
 * history (most invoices), so its invoice list, counts, outstanding amount and timeline read the most rows.
 */
export async function benchCustomerPath(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ organization_id: string }>(
      `SELECT i.organization_id FROM invoices i
        WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.organization_id = i.organization_id AND s.status <> 'cancelled')
        GROUP BY i.organization_id ORDER BY count(*) DESC, i.organization_id LIMIT 1`,
    );
    if (!rows[0]) throw new Error('customer page bench: no organization with a live subscription and invoices');
    return `/customers/${rows[0].organization_id}`;
  } finally {
    await client.end();
  }
}
