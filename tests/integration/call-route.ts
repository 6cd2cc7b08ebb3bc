import { NextRequest } from 'next/server';

type RouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions<P> {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A raw body string (sent as is, e.g. invalid JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
  params?: P;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on the shape
  text: string;
}

/** Calls a route handler in-process with a real request, as Next would, against the real database. */
export async function callRoute<P>(handler: RouteHandler<P>, options: CallOptions<P> = {}): Promise<CallResult> {
  const url = new URL(options.path ?? '/api/v1/admin/billing', 'http://localhost:3000');
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const request = new NextRequest(url, {
    method: options.method ?? 'GET',
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (CSV, say): the text stays as the body.
  }
  return { status: response.status, headers: response.headers, body, text };
}
