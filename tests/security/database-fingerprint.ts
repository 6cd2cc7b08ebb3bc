import { db } from '@/lib/db';

/**
 * Tables whose changes are not the caller's doing: the migration history, and stored
 * Idempotency-Key responses (a rejected POST with a key is stored on purpose, so its retry replays
 * the same 4xx — SPEC §3.2).
 */
const IGNORED_TABLES = ['_prisma_migrations', 'idempotency_records'];
/** Columns written as a side effect of reading: an API key's last use (authenticateApiKey). */
const IGNORED_COLUMNS = ['last_used_at'];

let tables: Promise<string[]> | undefined;

function businessTables(): Promise<string[]> {
  tables ??= db()
    .$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`
    .then((rows) => rows.map((row) => row.tablename).filter((name) => !IGNORED_TABLES.includes(name)));
  return tables;
}

/**
 * One md5 per business table over every row (as JSON, minus IGNORED_COLUMNS), in one query: equal
 * fingerprints before and after a request mean it changed nothing. Every table, not a hand-picked
 * few, so a write to a table nobody thought of still shows.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const names = await businessTables();
  const dropped = IGNORED_COLUMNS.map((column) => ` - '${column}'`).join('');
  const selects = names.map(
    (name) => `SELECT '${name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg((to_jsonb(t)${dropped})::text, '|' ORDER BY (to_jsonb(t)${dropped})::text), '')) AS digest FROM "${name}" t`,
  );
  const rows = await db().$queryRawUnsafe<{ name: string; digest: string }[]>(selects.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/** The tables whose fingerprints differ, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
