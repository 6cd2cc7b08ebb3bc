import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { NextRequest } from 'next/server';
import { isMethodRefusal } from '@/lib/http/method-refusal';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type TRouteHandler = (request: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The folder of a route under `root` as an OpenAPI path: `invoices/[id]/refund` → `/invoices/{id}/refund`. */
export function folderToOpenApiPath(folder: string): string {
  const segments = folder.split(path.sep).filter(Boolean);
  return `/${segments.map((segment) => segment.replace(/^\[([A-Za-z_]+)\]$/, '{$1}')).join('/')}`;
}

/** Every route.ts under `root` (relative to the project), read from the filesystem, with the HTTP methods it handles (not the 405 refusals of lib/http/other-methods.ts). */
export async function listRouteHandlers(root: string): Promise<{ folder: string; path: string; methods: string[] }[]> {
  const directory = path.join(ROOT, root);
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
  return Promise.all(
    files.sort().map(async (file) => {
      const folder = path.dirname(file) === '.' ? '' : path.dirname(file);
      const exported = (await import(path.join(directory, file))) as Record<string, unknown>;
      return { folder, path: folderToOpenApiPath(folder), methods: HTTP_METHODS.filter((method) => typeof exported[method] === 'function' && !isMethodRefusal(exported[method])) };
    }),
  );
}

/** The handler exported for `method` by the route.ts of an OpenAPI path under `root`. */
export async function loadRouteHandler(root: string, openApiPath: string, method: string): Promise<TRouteHandler> {
  const folder = openApiPath.replace(/\{([A-Za-z_]+)\}/g, '[$1]');
  const exported = (await import(path.join(ROOT, root, folder, 'route.ts'))) as Record<string, TRouteHandler | undefined>;
  const handler = exported[method.toUpperCase()];
  if (!handler || isMethodRefusal(handler)) throw new Error(`${root}${folder}/route.ts exports no ${method.toUpperCase()}`);
  return handler;
}
