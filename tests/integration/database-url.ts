/**
 * The URL of database `name` on a server URL that may carry parameters (`?pgbouncer=true` when the
 * run goes through PgBouncer): the database goes in the path, the parameters stay.
 */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
