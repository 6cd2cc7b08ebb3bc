import type { NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { forbidden, unauthenticated } from '@/lib/errors';
import type { TActor } from './actor';
import { authenticateApiKey } from './api-keys/authenticate-api-key';
import { authOptions } from './options';

/**
 * The one access control of the console and its API (the proxy's redirect is a convenience).
 * A request with an Authorization header is judged by that header alone: a bad key is 401 even
 * when a session cookie rides along.
 */
export async function authenticateRequest(request: NextRequest): Promise<TActor | null> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const bearer = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
    return bearer?.[1] ? authenticateApiKey(bearer[1]) : null;
  }
  const token = await getToken({ req: request, secret: config().NEXTAUTH_SECRET });
  return token?.sub ? userActor(token.sub) : null;
}

/** The session's user as the database knows them now: a deleted or demoted user loses access at once. */
export async function userActor(userId: string): Promise<TActor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
  return user ? { type: 'user', id: user.id, label: user.email, role: user.role } : null;
}

export function requireSuperAdmin(actor: TActor | null): TActor {
  if (!actor) throw unauthenticated();
  if (actor.role !== 'super_admin') throw forbidden();
  return actor;
}

/** The actor of the current server component or server action, from the session cookie. */
export async function sessionActor(): Promise<TActor | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? userActor(session.user.id) : null;
}

/** Every server action starts here. */
export async function requireSuperAdminAction(): Promise<TActor> {
  return requireSuperAdmin(await sessionActor());
}
