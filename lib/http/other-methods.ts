import { allowedMethods } from '@/lib/openapi/documented-operations';
import { methodRefusal } from './method-refusal';

/**
 * The methods a route of the API does not have, answered by the route module itself: every
 * route.ts under /api/v1 ends with `export * from '@/lib/http/other-methods'`. Its own GET, POST, …
 * shadow these (an ES module's local exports win over `export *`), so what is left are the methods
 * it lacks: 405 problem+json with `Allow` (lib/http/method-not-allowed.ts), before any
 * authentication, as the proxy answered them when it still ran for /api. HEAD follows GET (Next
 * derives it from the GET export, real or this one); OPTIONS lists the route's own methods, not
 * these. Only route handlers are exported here: Next refuses any other export of a route module.
 */
export const GET = methodRefusal();
export const POST = methodRefusal();
export const PUT = methodRefusal();
export const PATCH = methodRefusal();
export const DELETE = methodRefusal();

/** Next would list every exported method, these refusals included: the route's own ones instead. */
export function OPTIONS(request: Request): Response {
  const allowed = allowedMethods(new URL(request.url).pathname);
  return new Response(null, { status: 204, headers: allowed ? { Allow: allowed.join(', ') } : {} });
}
