import { allowedMethods } from '@/lib/openapi/documented-operations';
import { requestIdOf } from './request-id';
import { problemBody, problemResponse } from './problem';

/**
 * RFC 9110 §15.5.6 and SPEC §3: a method a route of the API does not have is 405 with `Allow`
 * and a problem+json body. Next.js would answer an empty 405 itself, so the proxy (proxy.ts) asks
 * this first, for every API request: undefined lets the request through.
 */
export function methodNotAllowed(request: Request): Response | undefined {
  const { pathname } = new URL(request.url);
  const allowed = allowedMethods(pathname);
  if (!allowed || allowed.includes(request.method)) return undefined;
  const requestId = requestIdOf(request);
  const detail = `${pathname} does not answer ${request.method}; it answers ${allowed.join(', ')}.`;
  return problemResponse(problemBody(405, 'method_not_allowed', detail, { request_id: requestId }), { Allow: allowed.join(', '), 'X-Request-Id': requestId });
}
