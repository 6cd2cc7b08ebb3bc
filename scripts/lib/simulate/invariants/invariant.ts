import type { Db } from '../../../../lib/db';

/** What an invariant reads: the database (read-only SQL), and what the simulator itself counted, when it ran one. */
export interface TInvariantContext {
  sql: Db;
  /** Per currency, what the simulator paid and saw refunded (absent when checking a database it did not drive). */
  expected?: { paid: Map<string, number>; refunded: Map<string, number> };
  /** Test clock moves the simulator made. */
  clockMoves?: number;
  /** The month just simulated, `[from, to)` as dates, and the API's analytics overview of it (current period, IDR). */
  month?: { from: string; to: string; overview: () => Promise<Record<string, number | string | null>> };
}

/** One rule that must hold; `check` answers one readable line per breach, naming the ids to reproduce it. */
export interface TInvariant {
  name: string;
  check(context: TInvariantContext): Promise<string[]>;
}

/** At most this many breaches per rule are listed (the count says how many there were). */
export const MAX_LISTED = 20;

export function listed(name: string, rows: string[]): string[] {
  if (rows.length <= MAX_LISTED) return rows.map((row) => `${name}: ${row}`);
  return [...rows.slice(0, MAX_LISTED).map((row) => `${name}: ${row}`), `${name}: … and ${rows.length - MAX_LISTED} more`];
}
