import type { NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import type { TScalarRead } from '@/lib/db/scalar-read';
import { BillingError, forbidden, unauthenticated } from '@/lib/errors';
import type { TActor } from './actor';
import type { TIdempotencyPlan } from '@/lib/http/idempotency';
import { countRateLimit } from '@/lib/http/rate-limit';
import { admitApiKey, type TAdmission } from './api-keys/admit-api-key';
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
  const bearer = bearerOf(request);
  if (bearer !== undefined) return bearer ? authenticateApiKey(bearer) : null;
  return sessionRequestActor(request);
}

/**
 * authenticateRequest and the caller's rate-limit count, as the API's wrapper needs them
 * (lib/http/admin-route.ts): an API key is authenticated and counted in one statement
 * (admitApiKey); a session's user is read, then counted. Only a super_admin is counted (anyone
 * else is refused before the limiter); whether the count is over the limit is the caller's to judge.
 * An API key's admission also reads `reads` for an admitted request (TAdmission.reads) and claims
 * a POST's Idempotency-Key (`idempotency`, TAdmission.claimId); a session's does neither (its
 * caller reads and claims itself).
 */
export async function admitRequest(request: NextRequest, reads: TScalarRead[] = [], idempotency: TIdempotencyPlan | null = null): Promise<TAdmission> {
  const bearer = bearerOf(request);
  if (bearer !== undefined) return bearer ? admitApiKey(bearer, undefined, undefined, reads, idempotency) : { actor: null, limits: null };
  const actor = await sessionRequestActor(request);
  const counted = actor?.role === 'super_admin' ? await countRateLimit(actor) : null;
  // The count's statement read the test clock too (TEST_CLOCK=true): no syncTestClock after it.
  return { actor, limits: counted, ...(counted?.clockSynced ? { clockSynced: true as const } : {}) };
}

/** The bearer secret of an Authorization header; null for a header that is not `Bearer <secret>`, undefined without one. */
function bearerOf(request: NextRequest): string | null | undefined {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return undefined;
  return /^Bearer ([^\s]+)$/i.exec(authorization.trim())?.[1] || null;
}

async function sessionRequestActor(request: NextRequest): Promise<TActor | null> {
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
