import type { Role } from '../lib/generated/prisma/enums';

/**
 * The console's demo sign-ins. Defaults are public on purpose (README, e2e); every one can be
 * overridden from the environment before the first seed. The seed never resets an existing
 * user's password, so changing these later does not change a running installation.
 */
export interface TSeedUser {
  role: Role;
  name: string;
  email: string;
  password: string;
}

export const DEFAULT_SEED_USERS: readonly TSeedUser[] = [
  { role: 'super_admin', name: 'Super Admin', email: 'superadmin@example.com', password: 'superadmin-demo-pass' },
  { role: 'admin', name: 'Admin', email: 'admin@example.com', password: 'admin-demo-pass' },
  { role: 'support', name: 'Support', email: 'support@example.com', password: 'support-demo-pass' },
];

const ENV_PREFIX: Record<Role, string> = { super_admin: 'SEED_SUPERADMIN', admin: 'SEED_ADMIN', support: 'SEED_SUPPORT' };

/** The seed users after SEED_SUPERADMIN_EMAIL / _PASSWORD (and ADMIN, SUPPORT) overrides; emails lowercase. */
export function seedUsersFromEnv(env: NodeJS.ProcessEnv = process.env): TSeedUser[] {
  return DEFAULT_SEED_USERS.map((user) => {
    const prefix = ENV_PREFIX[user.role];
    return {
      ...user,
      email: (env[`${prefix}_EMAIL`] || user.email).trim().toLowerCase(),
      password: env[`${prefix}_PASSWORD`] || user.password,
    };
  });
}

/** The users as this process's environment defines them (what `npm start` prints as the login). */
export const SEED_USERS: readonly TSeedUser[] = seedUsersFromEnv();
