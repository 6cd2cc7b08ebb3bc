import { cache } from 'react';
import { redirect } from 'next/navigation';
import type { TActor } from './actor';
import { sessionActor } from './guard';

const currentActor = cache(sessionActor);

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
