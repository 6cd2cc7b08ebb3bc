// Plain JavaScript on purpose: next.config.mjs (loaded by Node itself, not bundled) reads these
// for the API's headers, and lib/http/security-headers.ts for the pages' (the proxy). One source.

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

/** Every response, page or API (HSTS apart: it depends on the transport). */
export const STATIC_SECURITY_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
  // frame-ancestors 'none' is the rule; this is for browsers that predate CSP level 2.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** `X-Forwarded-Proto` whose first value is https, as isHttps reads it (Next anchors `has` values: ^…$). */
export const FORWARDED_HTTPS = '\\s*[Hh][Tt][Tt][Pp][Ss]\\s*(?:,.*)?';

/**
 * next.config.mjs `headers()` for everything under /api, which the proxy does not run for (one
 * NextRequest and a middleware pass less per API request): the static headers always, HSTS in a
 * production build when the TLS-terminating balancer says the request came over HTTPS. The API
 * sends no CSP (it serves no HTML; the pages' CSP needs a nonce per request: proxy.ts).
 *
 * @param {{ production: boolean }} options
 */
export function apiHeaderRules({ production }) {
  const list = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));
  return [
    { source: '/api/:path*', headers: list(STATIC_SECURITY_HEADERS) },
    ...(production
      ? [{ source: '/api/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: FORWARDED_HTTPS }], headers: list({ 'Strict-Transport-Security': HSTS }) }]
      : []),
  ];
}
