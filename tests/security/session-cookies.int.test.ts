import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';

/*
 * The real next-auth route handler, signed in through in-process. It reads the request through
 * next/headers (cookies(), headers()), which only work inside Next's request scope; next-auth
 * loads that module with require(), so the same CommonJS module object is given this request's
 * cookies and headers here. Everything from there on — CSRF check, credentials, cookie options,
 * Set-Cookie serialisation — is next-auth's own code with our authOptions.
 */
const nextHeaders = createRequire(import.meta.url)('next/headers') as { cookies: () => Promise<unknown>; headers: () => Promise<unknown> };
let current: NextRequest;

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function call(handler: unknown, base: string, action: string[], init: { method?: string; cookie?: string; form?: Record<string, string> } = {}) {
  current = new NextRequest(new URL(`/api/auth/${action.join('/')}`, base), {
    method: init.method ?? 'GET',
    headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  return (handler as Handler)(current, { params: Promise.resolve({ nextauth: action }) });
}

/** Set-Cookie lines as { name: line }. */
function setCookies(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

const attributes = (line: string) => line.split(/;\s*/).slice(1).map((attribute) => attribute.toLowerCase());

/** Signs in through the CSRF endpoint and the credentials callback, as the login form does. */
async function signIn(base: string, email: string, password: string, withCsrf = true) {
  const csrf = await call(GET, base, ['csrf']);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = Object.entries(setCookies(csrf)).map(([name, line]) => `${name}=${line.slice(name.length + 1).split(';')[0]}`)[0]!;
  const response = await call(POST, base, ['callback', 'credentials'], {
    method: 'POST',
    cookie: csrfCookie,
    form: { email, password, csrfToken: withCsrf ? csrfToken : 'forged', callbackUrl: `${base}/`, json: 'true' },
  });
  return { csrf, response, cookies: setCookies(response) };
}

describe('next-auth session cookies', () => {
  let user: TestCredentials;

  beforeAll(async () => {
    user = await credentialsFor('super_admin');
  });

  beforeEach(() => {
    vi.spyOn(nextHeaders, 'cookies').mockImplementation(async () => current.cookies);
    vi.spyOn(nextHeaders, 'headers').mockImplementation(async () => current.headers);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('over https: the session cookie is HttpOnly, SameSite=Lax, Secure and __Secure- prefixed; the CSRF cookie __Host-', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://billing.example.com');
    const { csrf, cookies } = await signIn('https://billing.example.com', user.email, 'test-password');
    const session = cookies['__Secure-next-auth.session-token'];
    expect(session, JSON.stringify(cookies)).toBeDefined();
    expect(attributes(session!)).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure', 'path=/']));
    const csrfCookie = setCookies(csrf)['__Host-next-auth.csrf-token'];
    expect(attributes(csrfCookie!)).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure', 'path=/']));
  });

  it('over plain http (local runs): HttpOnly and SameSite=Lax, without Secure, which the browser would refuse', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    const { cookies } = await signIn('http://localhost:3000', user.email, 'test-password');
    const session = cookies['next-auth.session-token'];
    expect(session, JSON.stringify(cookies)).toBeDefined();
    expect(attributes(session!)).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes(session!)).not.toContain('secure');
  });

  it('the session expires after the configured 8 hours, not the default 30 days', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://billing.example.com');
    const { cookies } = await signIn('https://billing.example.com', user.email, 'test-password');
    const expires = attributes(cookies['__Secure-next-auth.session-token']!).find((attribute) => attribute.startsWith('expires='))!;
    const hours = (new Date(expires.slice('expires='.length)).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('a sign-in without the CSRF token (a cross-site form post) sets no session', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://billing.example.com');
    const { response, cookies } = await signIn('https://billing.example.com', user.email, 'test-password', false);
    expect(Object.keys(cookies).filter((name) => name.includes('session-token'))).toEqual([]);
    expect(JSON.stringify(await response.json())).toMatch(/csrf/i);
  });

  it('a wrong password sets no session', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://billing.example.com');
    const { cookies } = await signIn('https://billing.example.com', user.email, 'wrong-password');
    expect(Object.keys(cookies).filter((name) => name.includes('session-token'))).toEqual([]);
  });
});
