import { listed, type TInvariant } from './invariant';

/**
 * Every subscription has exactly one period invoice (kind `subscription`, not void) per billing
 * period: the first starts when it started, each next one where the last ended — no gap, no
 * overlap, no period twice — except a change to annual, which starts a longer period at once and
 * credits the unused days of the one it replaces (a `credit` line, absent when less than a whole
 * day was left); none starts after it was
 * cancelled; a live subscription's current period is invoiced.
 */
export const periodInvariants: TInvariant[] = [
  {
    name: 'one invoice per billing period, no gap, no overlap',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ subscription_id: string; number: string; previous_number: string | null; period_start: Date; previous_end: Date | null; started_at: Date; replaces: boolean }[]>`
        WITH periods AS (
          SELECT i.subscription_id, i.number, i.period_start, i.period_end,
            lag(i.number) OVER w AS previous_number, lag(i.period_end) OVER w AS previous_end,
            row_number() OVER w AS position,
            -- A change to annual starts a longer period at once (issued at its start), crediting the
            -- unused whole days of the one it replaces (no credit line when none is left).
            (EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.kind = 'credit')
              OR (i.issued_at = i.period_start AND i.period_end - i.period_start > lag(i.period_end - i.period_start) OVER w)) AS replaces
          FROM invoices i WHERE i.kind = 'subscription' AND i.status <> 'void'
          WINDOW w AS (PARTITION BY i.subscription_id ORDER BY i.period_start, i.number)
        )
        SELECT p.subscription_id, p.number, p.previous_number, p.period_start, p.previous_end, s.started_at, p.replaces
        FROM periods p JOIN subscriptions s ON s.id = p.subscription_id
        WHERE (p.position = 1 AND p.period_start <> s.started_at)
           OR (p.position > 1 AND p.period_start > p.previous_end)
           OR (p.position > 1 AND p.period_start < p.previous_end AND NOT p.replaces)
        ORDER BY p.subscription_id, p.period_start`;
      return listed(this.name, rows.map((row) => {
        if (!row.previous_number) return `subscription ${row.subscription_id}: its first invoice ${row.number} starts ${row.period_start.toISOString()}, but it started ${row.started_at.toISOString()}`;
        const what = row.period_start > row.previous_end! ? 'a gap' : 'an overlap';
        return `subscription ${row.subscription_id}: ${what} — invoice ${row.number} starts ${row.period_start.toISOString()}, invoice ${row.previous_number} ended ${row.previous_end!.toISOString()}`;
      }));
    },
  },
  {
    name: 'no period invoice twice for one period',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ subscription_id: string; period_start: Date; numbers: string }[]>`
        SELECT subscription_id, period_start, string_agg(number, ', ' ORDER BY number) AS numbers FROM invoices
        WHERE kind = 'subscription' AND status <> 'void' GROUP BY subscription_id, period_start HAVING count(*) > 1 ORDER BY subscription_id`;
      return listed(this.name, rows.map((row) => `subscription ${row.subscription_id}: the period from ${row.period_start.toISOString()} is invoiced ${row.numbers.split(', ').length} times (${row.numbers})`));
    },
  },
  {
    name: 'no period invoice after cancellation',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ subscription_id: string; number: string; period_start: Date; cancelled_at: Date }[]>`
        SELECT i.subscription_id, i.number, i.period_start, s.cancelled_at FROM invoices i JOIN subscriptions s ON s.id = i.subscription_id
        WHERE i.kind = 'subscription' AND i.status <> 'void' AND s.cancelled_at IS NOT NULL AND i.period_start >= s.cancelled_at ORDER BY i.number`;
      return listed(this.name, rows.map((row) => `subscription ${row.subscription_id} was cancelled ${row.cancelled_at.toISOString()}, yet invoice ${row.number} bills a period from ${row.period_start.toISOString()}`));
    },
  },
  {
    name: 'every live subscription\'s current period is invoiced',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ id: string; current_period_start: Date }[]>`
        SELECT s.id, s.current_period_start FROM subscriptions s
        WHERE s.status <> 'cancelled' AND NOT EXISTS (
          SELECT 1 FROM invoices i WHERE i.subscription_id = s.id AND i.kind = 'subscription' AND i.status <> 'void' AND i.period_start = s.current_period_start)
        ORDER BY s.id`;
      return listed(this.name, rows.map((row) => `subscription ${row.id}: no invoice for its current period from ${row.current_period_start.toISOString()}`));
    },
  },
];
