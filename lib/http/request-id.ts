const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The caller's `X-Request-Id` when it is 8–128 of `A-Za-z0-9._-`, else a new UUID. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
