import pg from 'pg';

/**
 * Tables a rejected request may change by design, none of them business data: the migration
 * history; stored Idempotency-Key responses (a rejected POST with a key is stored on purpose, so
 * its retry replays the same 4xx — SPEC §3.2); the API rate limit's counters and the sign-in
 * throttle's failures, which count rejected requests too.
 */
const IGNORED_TABLES = ['_prisma_migrations', 'idempotency_records', 'rate_limit_buckets', 'login_throttles'];
/** Columns written as a side effect of reading: an API key's last use (authenticateApiKey). */
const IGNORED_COLUMNS = ['last_used_at'];

// Its own connection and a prepared statement: through Prisma the query costs ~8 ms, here ~1 ms,
// and the fuzz tests take a fingerprint after every one of thousands of requests.
let pool: pg.Pool | undefined;
let query: Promise<string> | undefined;

function connection(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    // The test database is dropped WITH (FORCE) after the file: an idle connection dying then is expected.
    pool.on('error', () => {});
  }
  return pool;
}

/** One SELECT per business table, over the columns that count, built once from the catalog. */
function fingerprintQuery(): Promise<string> {
  query ??= connection()
    .query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    )
    .then(({ rows }) => {
      const columns = new Map<string, string[]>();
      for (const { table_name: table, column_name: column } of rows) {
        if (IGNORED_TABLES.includes(table) || IGNORED_COLUMNS.includes(column)) continue;
        columns.set(table, [...(columns.get(table) ?? []), `"${column}"`]);
      }
      // A sum of row hashes: independent of row order, so no sort, and cheap enough to run after every request.
      return [...columns]
        .map(([table, names]) => `SELECT '${table}' AS name, count(*) || ':' || coalesce(sum(hashtext(ROW(${names.join(', ')})::text)::bigint), 0) AS digest FROM "${table}"`)
        .join(' UNION ALL ');
    });
  return query;
}

/**
 * A digest per business table over every row (minus IGNORED_COLUMNS), in one query: equal
 * fingerprints before and after a request mean it changed nothing. Every table, not a hand-picked
 * few, so a write to a table nobody thought of still shows.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const { rows } = await connection().query<{ name: string; digest: string }>({ name: 'database-fingerprint', text: await fingerprintQuery() });
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/** The tables whose fingerprints differ, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
