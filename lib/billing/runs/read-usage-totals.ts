import type { Tx } from '@/lib/db';

export interface TUsageWindow {
  organizationId: string;
  from: Date;
  to: Date;
}

/**
 * Messages reported (POST /usage) per window [from, to), in one statement for a whole batch of
 * subscriptions, in the order of `windows`. Served by usage_events (organization_id, occurred_at).
 */
export async function readUsageTotals(tx: Tx, windows: readonly TUsageWindow[]): Promise<number[]> {
  if (windows.length === 0) return [];
  const rows = await tx.$queryRaw<{ i: number; messages: bigint }[]>`
    SELECT w.i::int AS i, COALESCE(sum(u.messages), 0)::bigint AS messages
      FROM unnest(${windows.map((w) => w.organizationId)}::uuid[], ${windows.map((w) => w.from.toISOString())}::timestamptz[], ${windows.map((w) => w.to.toISOString())}::timestamptz[])
           WITH ORDINALITY AS w(organization_id, from_at, to_at, i)
      LEFT JOIN usage_events u ON u.organization_id = w.organization_id AND u.occurred_at >= w.from_at AND u.occurred_at < w.to_at
     GROUP BY w.i`;
  const totals = new Array<number>(windows.length).fill(0);
  for (const row of rows) totals[row.i - 1] = Number(row.messages);
  return totals;
}
