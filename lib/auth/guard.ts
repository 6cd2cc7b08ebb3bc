import type { NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { BillingError, forbidden, unauthenticated } from '@/lib/errors';
import type { TActor } from './actor';
import { authenticateApiKey } from './api-keys/authenticate-api-key';
import { authOptions } from './options';
import { isCrossOriginWrite } from './same-origin';

/**
 * The one access control of the console and its API (the proxy's redirect is a convenience).
 * A request with an Authorization header is judged by that header alone: a bad key is 401 even
 * when a session cookie rides along. A session cookie on a write from another origin is 403
 * (CSRF: lib/auth/same-origin.ts).
 */
export async function authenticateRequest(request: NextRequest): Promise<TActor | null> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const bearer = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
    return bearer?.[1] ? authenticateApiKey(bearer[1]) : null;
  }
  const token = await getToken({ req: request, secret: config().NEXTAUTH_SECRET });
  if (!token?.sub) return null;
  if (isCrossOriginWrite(request)) throw crossOriginWrite();
  return userActor(token.sub);
}

const crossOriginWrite = () =>
  new BillingError(403, 'cross_origin_request', "A session cookie only authorises changes sent from this console's own pages; other clients use an API key.");

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
