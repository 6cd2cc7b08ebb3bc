import { NextRequest } from 'next/server';
import { API_BASE_PATH } from '@/lib/openapi/paths';
import { listRouteHandlers, loadRouteHandler } from './route-handlers';

const ROUTES_ROOT = 'app/api/v1/admin/billing';

/**
 * A `fetch` that serves the billing API in-process: the URL's path picks the route.ts (a static
 * folder before a `[param]` one, as Next routes) and its exported handler gets a real request.
 * For clients that take a fetch (openapi-fetch), so they run against the real handlers and database.
 */
export async function inProcessFetch(): Promise<typeof fetch> {
  const routes = (await listRouteHandlers(ROUTES_ROOT))
    .filter((route) => route.folder !== '[...path]')
    .map((route) => ({ ...route, names: [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!), pattern: new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`) }))
    .sort((a, b) => a.names.length - b.names.length);

  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.slice(API_BASE_PATH.length);
    const route = routes.find((candidate) => candidate.pattern.test(path));
    if (!route) return new Response('no route', { status: 404 });
    const values = route.pattern.exec(path)!.slice(1);
    const handler = await loadRouteHandler(ROUTES_ROOT, route.path, request.method);
    return handler(new NextRequest(request), { params: Promise.resolve(Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(values[index]!)]))) });
  };
}
