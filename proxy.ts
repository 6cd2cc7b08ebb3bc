import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { contentSecurityPolicy, createNonce, isHttps, securityHeaders } from '@/lib/http/security-headers';

/** What the proxy redirects to /login when anonymous: pages, not the API, Next's assets, the sign-in page or files. */
const NEEDS_SESSION = /^\/(?!api\/|api$|_next\/|login(?:\/|$)|favicon\.ico$|.*\.[^/]+$).*/;

/**
 * Every page gets the security headers (lib/http/security-headers.ts) and a fresh CSP nonce,
 * passed to Next on the request so it marks its own scripts with it.
 *
 * Anonymous page requests go to /login, remembering where they were going. A convenience only:
 * every page checks the session itself (requireSuperAdminPage).
 *
 * Not for /api (the matcher below): API routes answer 401 JSON on their own, their security
 * headers come from next.config.mjs `headers()`, and a method a route lacks is answered 405 by the
 * route module itself (lib/http/other-methods.ts). The proxy would cost every API request a second
 * NextRequest and a middleware pass for nothing else (docs/PERFORMANCE.md, issue 17).
 */
export async function proxy(request: NextRequest) {
  const transport = { production: process.env.NODE_ENV === 'production', https: isHttps(request) };
  const { pathname, search } = request.nextUrl;

  if (NEEDS_SESSION.test(pathname)) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
    if (!token?.sub) {
      const login = new URL('/login', request.url);
      if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
      return withHeaders(NextResponse.redirect(login), securityHeaders(transport));
    }
  }

  const policy = contentSecurityPolicy(createNonce(), { development: process.env.NODE_ENV === 'development', https: transport.https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(response, { ...securityHeaders(transport), 'Content-Security-Policy': policy });
}

function withHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages, for the CSP and the redirect: not the API (see above), not Next's immutable build assets.
  matcher: ['/((?!api/|api$|_next/static/|_next/image).*)'],
};
