import { allowedMethods } from '@/lib/openapi/documented-operations';
import { methodNotAllowed } from './method-not-allowed';

/**
 * The methods a route of the API does not have, answered by the route module itself: every
 * route.ts under /api/v1 ends with `export * from '@/lib/http/other-methods'`. Its own GET, POST, …
 * shadow these (an ES module's local exports win over `export *`), so what is left are the methods
 * it lacks: 405 problem+json with `Allow` (lib/http/method-not-allowed.ts), before any
 * authentication, as the proxy answered them when it still ran for /api. HEAD follows GET (Next
 * derives it from the GET export, real or this one); OPTIONS lists the route's own methods, not
 * these.
 */
const REFUSAL = Symbol.for('billing.method-refusal');

function refusal(): (request: Request) => Response {
  const refuse = (request: Request): Response => methodNotAllowed(request) ?? new Response(null, { status: 405 });
  return Object.assign(refuse, { [REFUSAL]: true });
}

/** Whether a route module's export is one of these refusals rather than a handler of its own (tests list the real ones). */
export function isMethodRefusal(exported: unknown): boolean {
  return typeof exported === 'function' && (exported as unknown as Record<symbol, unknown>)[REFUSAL] === true;
}

export const GET = refusal();
export const POST = refusal();
export const PUT = refusal();
export const PATCH = refusal();
export const DELETE = refusal();

/** Next would list every exported method, these refusals included: the route's own ones instead. */
export function OPTIONS(request: Request): Response {
  const allowed = allowedMethods(new URL(request.url).pathname);
  return new Response(null, { status: 204, headers: allowed ? { Allow: allowed.join(', ') } : {} });
}
