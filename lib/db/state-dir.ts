import { userInfo } from 'node:os';
import path from 'node:path';

/** Where local state lives (embedded PostgreSQL data, the generated session secret). */
export function stateDir(): string {
  if (process.env.STATE_DIR) return path.resolve(process.env.STATE_DIR);
  // As root, PostgreSQL runs as the `postgres` user, which cannot enter /root or a 0700 checkout.
  return userInfo().uid === 0 ? '/var/lib/billing-admin-console' : path.resolve(process.cwd(), '.data');
}
