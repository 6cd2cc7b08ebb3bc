/**
 * `?pgbouncer=true` on a database URL says it points at PgBouncer in transaction pooling mode
 * (Prisma's own convention for the same thing). The flag is the app's, not the driver's: it is
 * taken off the URL before pg sees it.
 */
export function parsePoolerUrl(connectionString: string): { connectionString: string; pgbouncer: boolean } {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return { connectionString, pgbouncer: false };
  }
  const flag = url.searchParams.get('pgbouncer');
  if (flag === null) return { connectionString, pgbouncer: false };
  url.searchParams.delete('pgbouncer');
  return { connectionString: url.toString(), pgbouncer: flag === 'true' };
}
