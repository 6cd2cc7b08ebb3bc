import { describe, expect, it } from 'vitest';
import { API_BASE_PATH } from '@/lib/openapi/paths';
import { HTTP_METHODS, listRouteHandlers } from '@/scripts/lib/in-process/route-handlers';
import { methodNotAllowed } from './method-not-allowed';
import { isMethodRefusal } from './method-refusal';
import { OPTIONS } from './other-methods';

const ROUTES_ROOT = 'app/api/v1/admin/billing';
const SOME_ID = '0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57';

// Every route.ts under the API, read from the filesystem: a new route is covered the day it lands.
const routes = (await listRouteHandlers(ROUTES_ROOT)).filter((route) => route.folder !== '[...path]');
const url = (path: string) => `http://localhost${API_BASE_PATH}${path.replace(/\{\w+\}/g, SOME_ID)}`;

describe('405 for a method a route does not export', () => {
  it('covers every route of the API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(routes)('$path', async ({ path, methods }) => {
    // Sorted, as Next's own OPTIONS answer lists them.
    const allow = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].filter((method) => methods.includes(method) || (method === 'HEAD' && methods.includes('GET')) || method === 'OPTIONS');
    for (const method of allow) expect(methodNotAllowed(new Request(url(path), { method })), `${method} ${path} is let through`).toBeUndefined();

    const refused = [...HTTP_METHODS, 'HEAD'].filter((method) => !allow.includes(method));
    expect(refused.length).toBeGreaterThan(0);
    for (const method of refused) {
      const response = methodNotAllowed(new Request(url(path), { method, headers: { 'x-request-id': 'req-405-test' } }));
      expect(response?.status, `${method} ${path}`).toBe(405);
      expect(response!.headers.get('allow')).toBe(allow.join(', '));
      expect(response!.headers.get('content-type')).toBe('application/problem+json');
      expect(response!.headers.get('x-request-id')).toBe('req-405-test');
      expect(await response!.json()).toEqual({
        type: '/docs/errors#method_not_allowed',
        title: 'Method Not Allowed',
        status: 405,
        code: 'method_not_allowed',
        detail: `${new URL(url(path)).pathname} does not answer ${method}; it answers ${allow.join(', ')}.`,
        request_id: 'req-405-test',
      });
    }
  });

  // The proxy does not run for /api: each route module answers the methods it lacks itself.
  it.each(routes)('$path: the module exports a 405 refusal for each method it lacks, and OPTIONS lists its own', async ({ folder, path, methods }) => {
    const exported = (await import(`${process.cwd()}/${ROUTES_ROOT}/${folder}/route.ts`)) as Record<string, unknown>;
    const allow = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].filter((method) => methods.includes(method) || (method === 'HEAD' && methods.includes('GET')) || method === 'OPTIONS');
    for (const method of HTTP_METHODS) {
      expect(isMethodRefusal(exported[method]), `${method} ${path}`).toBe(!methods.includes(method));
      if (methods.includes(method)) continue;
      const response = await (exported[method] as (request: Request) => Promise<Response> | Response)(new Request(url(path), { method }));
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toBe(allow.join(', '));
    }
    expect(exported.OPTIONS).toBe(OPTIONS);
    expect(OPTIONS(new Request(url(path), { method: 'OPTIONS' })).headers.get('allow')).toBe(allow.join(', '));
  });

  it('answers for /api/v1/test-clock as for the billing route it re-exports', async () => {
    expect(methodNotAllowed(new Request('http://localhost/api/v1/test-clock', { method: 'POST' }))).toBeUndefined();
    const response = methodNotAllowed(new Request('http://localhost/api/v1/test-clock', { method: 'DELETE' }));
    expect(response?.status).toBe(405);
    expect(response!.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect((await response!.json()).detail).toBe('/api/v1/test-clock does not answer DELETE; it answers GET, HEAD, OPTIONS, POST.');
  });

  it('lets unknown paths through to the catch-all (404 route_not_found) and leaves other APIs alone', () => {
    expect(methodNotAllowed(new Request(url('/nothing-here'), { method: 'DELETE' }))).toBeUndefined();
    expect(methodNotAllowed(new Request(url('/plans/extra/segments'), { method: 'DELETE' }))).toBeUndefined();
    expect(methodNotAllowed(new Request('http://localhost/api/auth/session', { method: 'DELETE' }))).toBeUndefined();
  });
});
