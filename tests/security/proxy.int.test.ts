import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import type { NextConfig } from 'next';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HSTS, securityHeaders } from '@/lib/http/security-headers';
import { config, proxy } from '@/proxy';
import { credentialsFor } from '@/tests/integration/actors';

/** next.config.mjs, as Next loads it (its .mjs has no types of its own). */
const nextConfig = ((await import(`${process.cwd()}/next.config.mjs`)) as { default: NextConfig }).default;

const get = (path: string, headers: Record<string, string> = {}, base = 'http://localhost:3000') => proxy(new NextRequest(new URL(path, base), { headers }));
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
/** NextResponse.next({ request: { headers } }) hands Next the request's new headers this way. */
const forwardedPolicy = (response: Response) => response.headers.get('x-middleware-request-content-security-policy');

describe('proxy.ts: security headers and the sign-in redirect (next.config.mjs: the API\'s headers)', () => {
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

  it('is not run for the API: next.config.mjs headers() give every /api response the other headers, no CSP (e2e/api-http.spec.ts checks the built server)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const rules = await nextConfig.headers!();
    const forApi = rules.filter((rule) => rule.source === '/api/:path*');
    const always = forApi.find((rule) => !rule.has);
    expect(Object.fromEntries(always!.headers.map(({ key, value }) => [key, value]))).toEqual(securityHeaders({ production: true, https: false }));
    expect(always!.headers.map(({ key }) => key.toLowerCase())).not.toContain('content-security-policy');
    expect(always!.headers.find(({ key }) => key === 'Permissions-Policy')?.value).toContain('microphone=()');
    // HSTS when the balancer says https, in a production build only; never from `next dev`.
    const hsts = forApi.find((rule) => rule.has);
    expect(hsts!.headers).toEqual([{ key: 'Strict-Transport-Security', value: HSTS }]);
    expect(hsts!.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: expect.any(String) }]);
    const forwardedHttps = new RegExp(`^${(hsts!.has![0] as { value: string }).value}$`); // Next anchors `has` values
    for (const value of ['https', 'HTTPS', 'https, http', ' https ,http']) expect(forwardedHttps.test(value), value).toBe(true);
    for (const value of ['http', 'http, https', 'httpsx', '']) expect(forwardedHttps.test(value), value).toBe(false);
    vi.stubEnv('NODE_ENV', 'development');
    expect((await nextConfig.headers!()).some((rule) => rule.has)).toBe(false);
  });

  it('HSTS only in production over HTTPS (directly or behind a TLS-terminating load balancer)', async () => {
    expect((await get('/login', {}, 'https://billing.example.com')).headers.get('strict-transport-security')).toBeNull();
    vi.stubEnv('NODE_ENV', 'production');
    expect((await get('/login')).headers.get('strict-transport-security')).toBeNull();
    expect((await get('/login', {}, 'https://billing.example.com')).headers.get('strict-transport-security')).toBe(HSTS);
    expect((await get('/plans', { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBe(HSTS);
    expect((await get('/login', { 'x-forwarded-proto': 'https' })).headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('runs on pages and the sign-in page, not on the API or Next\'s immutable build assets', () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const url of ['/', '/plans', '/invoices/0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57', '/login', '/apis', '/api-keys', '/docs']) {
      expect(matches(url), url).toBe(true);
    }
    const notMatched = ['/_next/static/chunks/main.js', '/_next/image?url=x', '/api', '/api/v1/admin/billing/plans', '/api/v1/admin/billing/openapi.json', '/api/auth/session', '/api/health', '/api/ready', '/api/v1/webhooks/xendit'];
    for (const url of notMatched) expect(matches(url), url).toBe(false);
  });
});
