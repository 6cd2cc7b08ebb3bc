import type { TApiOperation } from './api-operation';
import { csvVariant } from './csv-response';
import { OPERATIONS } from './operations';
import { OPENAPI_DOCUMENT_PATH, API_BASE_PATH } from './paths';

/** Each documented (method, path): the PATCH routes' PUT aliases and the lists' `.csv` renderings included. */
export function documentedOperations(): { method: string; path: string; operation: TApiOperation }[] {
  return OPERATIONS.flatMap((operation) => {
    const csv = operation.csv ? csvVariant({ ...operation, csv: operation.csv }) : undefined;
    return [
      { method: operation.method, path: operation.path, operation },
      ...(operation.putAlias ? [{ method: 'put', path: operation.path, operation }] : []),
      ...(csv ? [{ method: csv.method, path: csv.path, operation: csv }] : []),
    ];
  });
}

/** Next.js answers these itself on every route handler: HEAD from GET, OPTIONS with the route's methods. */
const IMPLIED = { HEAD: 'GET', OPTIONS: null } as const;

type TRoute = { pattern: RegExp; params: number; methods: string[] };
let routes: TRoute[] | undefined;

function buildRoutes(): TRoute[] {
  const byPath = new Map<string, Set<string>>([[OPENAPI_DOCUMENT_PATH.slice(API_BASE_PATH.length), new Set(['GET'])]]);
  for (const { method, path } of documentedOperations()) byPath.set(path, (byPath.get(path) ?? new Set()).add(method.toUpperCase()));
  return [...byPath].map(([path, methods]) => {
    for (const [implied, requires] of Object.entries(IMPLIED)) if (requires === null || methods.has(requires)) methods.add(implied);
    const source = path.split('/').map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    return { pattern: new RegExp(`^${source}$`), params: (path.match(/\{/g) ?? []).length, methods: [...methods].sort() }; // sorted, as Next's own OPTIONS lists them
  })
    // Like Next's router: a static segment wins over a dynamic one.
    .sort((a, b) => a.params - b.params);
}

/**
 * The methods a path under the API answers (for `Allow`), or undefined when no route has this path
 * (the catch-all answers 404 then). Read from the documented operations, which the drift test in
 * contract.int.test.ts keeps equal to what the route.ts files export.
 */
/** app/api/v1/test-clock re-exports the billing test-clock route (the path issue 19 names). */
const ALIASES: Record<string, string> = { '/api/v1/test-clock': '/test-clock' };

export function allowedMethods(pathname: string): string[] | undefined {
  // Aliases outside the base path answer with the handlers of the documented route they re-export.
  const alias = ALIASES[pathname];
  if (alias) return allowedMethods(`${API_BASE_PATH}${alias}`);
  if (!pathname.startsWith(`${API_BASE_PATH}/`)) return undefined;
  const path = pathname.slice(API_BASE_PATH.length);
  routes ??= buildRoutes();
  return routes.find((route) => route.pattern.test(path))?.methods;
}
