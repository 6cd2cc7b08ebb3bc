/**
 * Names for prepared statements (the pg adapter's `statementNameGenerator`), so that each
 * connection parses and plans a statement's text once and then only binds and executes it. The
 * app sends a few dozen distinct texts (Prisma's queries and its own raw ones) millions of times:
 * parsing and planning them again for every execution was a quarter of PostgreSQL's CPU per
 * request in the simulation (docs/SIMULATION.md). Names are per process and stand for one text
 * each (pg refuses a name reused for another text), so every connection of every pool shares them.
 *
 * Looked up by a short key (length and both ends of the text), then the text compared whole: a
 * statement's text is a new string each time, and hashing a few kB of SQL for a Map lookup on
 * every execution cost more than the comparison. Texts that share a key go unnamed after the first.
 *
 * Bounded: texts that vary with their arguments (an `IN` list of N placeholders) would otherwise
 * grow the set, and with it every backend's memory, without end. Past MAX_NAMED texts, a new text
 * goes unnamed (parsed each time, as before). Not behind PgBouncer in transaction pooling: a
 * statement prepared on one server connection is unknown on the next (lib/db.ts).
 */
const MAX_NAMED = 2_000;
const END = 48;

const named = new Map<string, { text: string; name: string }>();

export function statementName(query: { sql: string }): string {
  const text = query.sql;
  const key = text.length <= 2 * END ? text : `${text.length}:${text.slice(0, END)}:${text.slice(-END)}`;
  const known = named.get(key);
  if (known) return known.text === text ? known.name : '';
  if (named.size >= MAX_NAMED) return '';
  const name = `billing_${named.size}`;
  named.set(key, { text, name });
  return name;
}
