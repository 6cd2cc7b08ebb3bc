/**
 * Names for prepared statements (the pg adapter's `statementNameGenerator`), so that each
 * connection parses and plans a statement's text once and then only binds and executes it. The
 * app sends a few dozen distinct texts (Prisma's queries and its own raw ones) millions of times:
 * parsing and planning them again for every execution was a large share of PostgreSQL's CPU per
 * request (docs/SIMULATION.md). Names are per process and stand for one text each (pg refuses a
 * name reused for another text), so every connection of every pool can share them.
 *
 * Bounded: texts that vary with their arguments (an `IN` list of N placeholders) would otherwise
 * grow the set, and with it every backend's memory, without end. Past MAX_NAMED texts, a new text
 * goes unnamed (parsed each time, as before). Not behind PgBouncer in transaction pooling: a
 * statement prepared on one server connection is unknown on the next (lib/db.ts).
 */
const MAX_NAMED = 2_000;

const names = new Map<string, string>();

export function statementName(query: { sql: string }): string {
  let name = names.get(query.sql);
  if (name === undefined) {
    if (names.size >= MAX_NAMED) return '';
    name = `billing_${names.size}`;
    names.set(query.sql, name);
  }
  return name;
}
