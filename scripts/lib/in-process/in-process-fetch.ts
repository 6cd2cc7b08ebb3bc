import { NextRequest } from 'next/server';
import { API_BASE_PATH } from '@/lib/openapi/paths';
import { listRouteHandlers, loadRouteHandler } from './route-handlers';

/** The billing API's route handlers and where they are served. */
export const BILLING_ROUTES = { root: 'app/api/v1/admin/billing', basePath: API_BASE_PATH };
/** The providers' webhook route handlers (`/api/v1/webhooks/xendit`, `/stripe`). */
export const WEBHOOK_ROUTES = { root: 'app/api/v1/webhooks', basePath: '/api/v1/webhooks' };

/**
 * A `fetch` that serves the billing API in-process: the URL's path picks the route.ts (a static
 * folder before a `[param]` one, as Next routes) and its exported handler gets a real request.
 * For clients that take a fetch (openapi-fetch, the simulation's ApiClient), so they run against
 * the real handlers and database without a server. `mounts`: which folders of app/ are served
 * under which paths (the billing API by default).
 */
export async function inProcessFetch(mounts: readonly { root: string; basePath: string }[] = [BILLING_ROUTES]): Promise<typeof fetch> {
  const served = await Promise.all(mounts.map(async (mount) => ({
    ...mount,
    routes: (await listRouteHandlers(mount.root))
      .filter((route) => route.folder !== '[...path]')
      .map((route) => ({ ...route, names: [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!), pattern: new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`) }))
      .sort((a, b) => a.names.length - b.names.length),
  })));
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const pathname = new URL(request.url).pathname;
    const mount = served.find((candidate) => pathname.startsWith(`${candidate.basePath}/`));
    const path = mount ? pathname.slice(mount.basePath.length) : '';
    const route = mount?.routes.find((candidate) => candidate.pattern.test(path));
    if (!mount || !route) return new Response('no route', { status: 404 });
    const values = route.pattern.exec(path)!.slice(1);
    const handler = await loadRouteHandler(mount.root, route.path, request.method);
    return handler(new NextRequest(request), { params: Promise.resolve(Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(values[index]!)]))) });
  };
}
