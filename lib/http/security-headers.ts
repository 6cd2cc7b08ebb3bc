/**
 * The browser-facing security headers, in one place: proxy.ts sets them on every page and API
 * response (docs/SECURITY.md explains each choice).
 */

/** Features the console never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

/** Two years, subdomains included: the HSTS preload list's minimum. */
export const HSTS = 'max-age=63072000; includeSubDomains';

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
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // frame-ancestors 'none' is the rule; this is for browsers that predate CSP level 2.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(production && https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
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
