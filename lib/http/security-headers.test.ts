import { describe, expect, it } from 'vitest';
import { HSTS, contentSecurityPolicy, createNonce, isHttps, securityHeaders } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]));

describe('the content security policy', () => {
  const policy = directives(contentSecurityPolicy('abc123==', { development: false, https: false }));

  it('runs only scripts carrying the nonce, and what they load (strict-dynamic)', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('forbids plugins, framing, foreign <base> and forms posting elsewhere', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it("allows eval only under next dev, and upgrades requests only over HTTPS", () => {
    expect(directives(contentSecurityPolicy('n', { development: true, https: false })).get('script-src')).toContain("'unsafe-eval'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy('n', { development: false, https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('nonces', () => {
  it('are 128 random bits in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('the other security headers', () => {
  it('are sent everywhere', () => {
    expect(securityHeaders({ production: false, https: false })).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': expect.stringContaining('camera=()'),
    });
  });

  it.each([
    [true, true, HSTS],
    [true, false, undefined],
    [false, true, undefined],
    [false, false, undefined],
  ])('HSTS in production=%s over https=%s: %s', (production, https, expected) => {
    expect(securityHeaders({ production, https })['Strict-Transport-Security']).toBe(expected);
  });

  it('HTTPS is the URL scheme, or X-Forwarded-Proto from a TLS-terminating load balancer', () => {
    expect(isHttps(new Request('https://billing.example.com/'))).toBe(true);
    expect(isHttps(new Request('http://10.0.0.5:3000/', { headers: { 'x-forwarded-proto': 'https' } }))).toBe(true);
    expect(isHttps(new Request('http://10.0.0.5:3000/', { headers: { 'x-forwarded-proto': 'HTTPS, http' } }))).toBe(true);
    expect(isHttps(new Request('http://localhost:3000/'))).toBe(false);
    expect(isHttps(new Request('http://localhost:3000/', { headers: { 'x-forwarded-proto': 'http' } }))).toBe(false);
  });
});
