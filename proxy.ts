import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';

/**
 * Sends anonymous page requests to /login, remembering where they were going. A convenience
 * only: every page checks the session itself (requireSuperAdminPage), and /api routes answer 401
 * JSON on their own, so they are never matched here.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
  if (token?.sub) return NextResponse.next();

  const { pathname, search } = request.nextUrl;
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the API, Next's assets, the sign-in page and files with an extension.
  matcher: ['/((?!api/|api$|_next/|login(?:/|$)|favicon\\.ico$|.*\\.[^/]+$).*)'],
};
