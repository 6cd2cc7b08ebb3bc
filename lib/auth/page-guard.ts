import { cache } from 'react';
import { redirect } from 'next/navigation';
import { markDatabaseUnavailable } from '@/lib/http/error-response';
import type { TActor } from './actor';
import { sessionActor } from './guard';

// The first database read of every console page: an outage surfaces here, marked for the error screen.
const currentActor = cache(async (): Promise<TActor | null> => {
  try {
    return await sessionActor();
  } catch (error) {
    throw markDatabaseUnavailable(error);
  }
});

/**
 * Every console page calls this (layouts are not re-rendered on client navigation, so the layout
 * alone would not be a control): anonymous → /login, other roles → the super-admins-only screen.
 */
export async function requireSuperAdminPage(): Promise<TActor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role !== 'super_admin') redirect('/forbidden');
  return actor;
}

export { currentActor };
