import { HSTS, PERMISSIONS_POLICY, STATIC_SECURITY_HEADERS } from './security-header-values.mjs';

/**
 * The browser-facing security headers, in one place (the values: security-header-values.mjs):
 * proxy.ts sets them on every page, next.config.mjs `headers()` on every API response
 * (docs/SECURITY.md explains each choice).
 */

export { HSTS, PERMISSIONS_POLICY };

export interface TTransport {
  /** NODE_ENV=production: a build served to real users. */
  production: boolean;
  /** The request reached us over TLS (directly, or as X-Forwarded-Proto from the load balancer). */
  https: boolean;
}

/**
 * Every response, page or API. HSTS only in production over HTTPS: browsers ignore it over plain
 * HTTP anyway (RFC 6797 §8.1), and sending it from a development server on https://localhost
 * would pin that host to HTTPS for two years.
 */
export function securityHeaders({ production, https }: TTransport): Record<string, string> {
  return { ...STATIC_SECURITY_HEADERS, ...(production && https ? { 'Strict-Transport-Security': HSTS } : {}) };
}

/**
 * A strict, nonce-based CSP for pages (Next reads the nonce from the request's copy of this
 * header and puts it on its own scripts). 'strict-dynamic' lets those scripts load the chunks
 * they need, and nothing else runs: no inline script without the nonce, no eval in production,
 * no plugin, no foreign <base>, no form posting elsewhere, no framing.
 *
 * Styles allow 'unsafe-inline': React and Radix set style attributes, sonner and Swagger UI
 * insert <style> elements without a nonce, and injected CSS cannot run code — the threat a CSP
 * exists for is script.
 */
export function contentSecurityPolicy(nonce: string, { development, https }: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // next dev: React rebuilds server error stacks with eval (Next's CSP guide).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: a fresh one for every page request. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Whether the request came over TLS, as the app sees it or as the TLS-terminating proxy reports it. */
export function isHttps(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
