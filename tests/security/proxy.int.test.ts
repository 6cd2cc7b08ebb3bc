import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HSTS } from '@/lib/http/security-headers';
import { config, proxy } from '@/proxy';
import { credentialsFor } from '@/tests/integration/actors';

const get = (path: string, headers: Record<string, string> = {}, base = 'http://localhost:3000') => proxy(new NextRequest(new URL(path, base), { headers }));
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
/** NextResponse.next({ request: { headers } }) hands Next the request's new headers this way. */
const forwardedPolicy = (response: Response) => response.headers.get('x-middleware-request-content-security-policy');

describe('proxy.ts: security headers and the sign-in redirect', () => {
  let sessionCookie: string;

  beforeAll(async () => {
    sessionCookie = (await credentialsFor('super_admin')).sessionCookie;
  });

  afterEach(() => vi.unstubAllEnvs());

  it('still sends anonymous page requests to /login, remembering where they were going', async () => {
    const response = await get('/invoices?status=paid');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/login?callbackUrl=%2Finvoices%3Fstatus%3Dpaid');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/')).headers.get('location')).toBe('http://localhost:3000/login');
  });

  it('gives every page a CSP with a fresh nonce, and hands the same policy to Next on the request', async () => {
    const first = await get('/plans', { cookie: sessionCookie });
    const second = await get('/plans', { cookie: sessionCookie });
    for (const response of [first, second]) {
      expect(response.headers.get('x-middleware-next')).toBe('1');
      const policy = response.headers.get('content-security-policy');
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(forwardedPolicy(response)).toBe(policy);
    }
    expect(nonceOf(first.headers.get('content-security-policy'))).not.toBe(nonceOf(second.headers.get('content-security-policy')));
  });

  it('the sign-in page is not redirected and gets the CSP too', async () => {
    const response = await get('/login?callbackUrl=%2Fplans');
    expect(response.headers.get('location')).toBeNull();
    expect(nonceOf(response.headers.get('content-security-policy'))).toBeDefined();
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('API responses get the other headers, never a redirect and no CSP (the guard answers 401 itself)', async () => {
    for (const path of ['/api/v1/admin/billing/plans', '/api/v1/admin/billing/openapi.json', '/api/auth/session']) {
      const response = await get(path);
      expect(response.headers.get('x-middleware-next'), path).toBe('1');
      expect(response.headers.get('location'), path).toBeNull();
      expect(response.headers.get('content-security-policy'), path).toBeNull();
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('permissions-policy'), path).toContain('microphone=()');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('HSTS only in production over HTTPS (directly or behind a TLS-terminating load balancer)', async () => {
    expect((await get('/login', {}, 'https://billing.example.com')).headers.get('strict-transport-security')).toBeNull();
    vi.stubEnv('NODE_ENV', 'production');
    expect((await get('/login')).headers.get('strict-transport-security')).toBeNull();
    expect((await get('/login', {}, 'https://billing.example.com')).headers.get('strict-transport-security')).toBe(HSTS);
    const behindBalancer = await get('/api/v1/admin/billing/plans', { 'x-forwarded-proto': 'https' });
    expect(behindBalancer.headers.get('strict-transport-security')).toBe(HSTS);
    expect((await get('/login', { 'x-forwarded-proto': 'https' })).headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('runs on pages, the sign-in page and the API, not on Next\'s immutable build assets', () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const url of ['/', '/plans', '/invoices/0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57', '/login', '/api/v1/admin/billing/plans', '/api/v1/admin/billing/openapi.json', '/api/auth/session']) {
      expect(matches(url), url).toBe(true);
    }
    for (const url of ['/_next/static/chunks/main.js', '/_next/image?url=x']) expect(matches(url), url).toBe(false);
  });
});
