import { expect, test } from './fixtures';
import { signIn } from './sign-in';

// What the production server really sends for the API's HTTP semantics, checked against the
// document it publishes: 405 with Allow and problem+json for every method a route lacks, and the
// Vary header the document describes.
const BASE = '/api/v1/admin/billing';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const SOME_ID = '0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57';

type TDocument = { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { schema?: { pattern?: string } }> }> }>> };

test('every method a route lacks is 405 with Allow and a problem+json body', async ({ request }) => {
  const document = (await (await request.get(`${BASE}/openapi.json`)).json()) as TDocument;
  const paths: Record<string, object> = { ...document.paths, '/openapi.json': { get: {} } };
  let checked = 0;
  for (const [path, operations] of Object.entries(paths)) {
    const documented = Object.keys(operations).map((method) => method.toUpperCase());
    const allow = [...new Set([...documented, ...(documented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');
    const url = `${BASE}${path.replace('{id}', SOME_ID)}`;
    for (const method of METHODS.filter((candidate) => !allow.split(', ').includes(candidate))) {
      const response = await request.fetch(url, { method, maxRedirects: 0 });
      const where = `${method} ${path}`;
      expect(response.status(), where).toBe(405);
      expect(response.headers()['allow'], where).toBe(allow);
      if (method === 'HEAD') continue;
      expect(response.headers()['content-type'], where).toBe('application/problem+json');
      expect(await response.json(), where).toMatchObject({ status: 405, code: 'method_not_allowed', title: 'Method Not Allowed' });
      checked += 1;
    }
    // Next's own OPTIONS answer lists the same methods.
    const options = await request.fetch(url, { method: 'OPTIONS' });
    expect(options.headers()['allow'], `OPTIONS ${path}`).toBe(allow);
  }
  expect(checked).toBeGreaterThanOrEqual(40);
});

test('the Vary header the server sends fits the one the document describes', async ({ page, request }) => {
  const document = (await (await request.get(`${BASE}/openapi.json`)).json()) as TDocument;
  const pattern = document.paths['/plans']!.get!.responses['200']!.headers!['Vary']!.schema!.pattern!;
  expect(document.paths['/plans.csv']!.get!.responses['200']!.headers!['Vary']!.schema!.pattern).toBe(pattern);

  await signIn(page, 'super_admin', { land: false });
  for (const [path, accept] of [['/plans', 'application/json'], ['/plans', 'text/csv'], ['/plans.csv', '*/*'], ['/invoices.csv', '*/*']] as const) {
    const response = await page.request.get(`${BASE}${path}`, { headers: { accept } });
    expect(response.status(), path).toBe(200);
    const vary = response.headers()['vary'];
    expect(vary, `${path} (${accept}): ${vary}`).toMatch(new RegExp(pattern));
    expect(response.headers()['content-type']).toMatch(path.endsWith('.csv') || accept === 'text/csv' ? /^text\/csv/ : /^application\/json/);
  }
});

// The proxy does not run for /api (proxy.ts matcher): the security headers of every API answer come
// from next.config.mjs headers(), on what the built server really sends — success, 304, 401, 404,
// 405, the public and the next-auth routes, health, readiness and webhooks.
test('every API answer carries the security headers, without the proxy; HSTS only behind HTTPS', async ({ page, request }) => {
  const expected = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
  const check = (response: { status(): number; headers(): Record<string, string> }, where: string, status: number) => {
    if (status) expect(response.status(), where).toBe(status);
    else expect(response.status(), where).toBeGreaterThanOrEqual(400); // refused, whichever way
    const headers = response.headers();
    expect(headers, where).toMatchObject(expected);
    expect(headers['permissions-policy'], where).toContain('microphone=()');
    expect(headers['content-security-policy'], where).toBeUndefined();
    expect(headers['strict-transport-security'], where).toBeUndefined();
  };
  const anonymous: [string, string, number][] = [
    ['GET', `${BASE}/plans`, 401],
    ['GET', `${BASE}/openapi.json`, 200],
    ['DELETE', `${BASE}/plans`, 405],
    ['HEAD', `${BASE}/invoices/${SOME_ID}/refund`, 405],
    ['GET', `${BASE}/no-such-route`, 401],
    ['GET', '/api/auth/session', 200],
    ['GET', '/api/health', 200],
    ['GET', '/api/ready', 200],
    ['POST', '/api/v1/webhooks/xendit', 0],
  ];
  for (const [method, url, status] of anonymous) check(await request.fetch(url, { method, maxRedirects: 0 }), `${method} ${url}`, status);

  await signIn(page, 'super_admin', { land: false });
  const plans = await page.request.get(`${BASE}/plans`);
  check(plans, 'GET /plans signed in', 200);
  const etag = plans.headers()['etag']!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(plans.headers()['cache-control']).toBe('private, no-cache');
  const notModified = await page.request.get(`${BASE}/plans`, { headers: { 'if-none-match': etag } });
  check(notModified, 'GET /plans If-None-Match', 304);
  expect(notModified.headers()['etag']).toBe(etag);
  expect((await notModified.body()).length).toBe(0);

  // A production server behind a TLS-terminating balancer: HSTS on the API as on the pages.
  for (const url of [`${BASE}/plans`, '/api/health']) {
    const overHttps = await request.get(url, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers()['strict-transport-security'], url).toBe('max-age=63072000; includeSubDomains');
  }
});
