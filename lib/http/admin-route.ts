import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { authenticateRequest, requireSuperAdmin } from '@/lib/auth/guard';
import { errorResponse } from './error-response';
import { withIdempotency } from './idempotency';
import { parseJsonText, parseWith, readBodyText } from './parse';

export interface AdminRouteContext<P> {
  request: NextRequest;
  params: P;
  actor: TActor;
  requestId: string;
  /** The JSON body validated by `schema` (400 problem+json when it does not fit). */
  body<T extends z.ZodType>(schema: T): z.infer<T>;
}

type Handler<P> = (context: AdminRouteContext<P>) => Promise<Response>;
type NextContext<P> = { params: Promise<P> };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The wrapper every /api/v1/admin route goes through (STYLE rule 2): request id, authentication
 * (session or API key), the super_admin check, body size limit, Idempotency-Key on every POST,
 * and errors → problem+json. No route repeats any of it.
 */
export function adminRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async function route(request: NextRequest, context: NextContext<P>): Promise<Response> {
    const incoming = request.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    try {
      const actor = requireSuperAdmin(await authenticateRequest(request));
      const params = await context.params;
      const bodyText = WITH_BODY.has(request.method) ? await readBodyText(request) : '';
      const contentType = request.headers.get('content-type');
      const body = <T extends z.ZodType>(schema: T): z.infer<T> => parseWith(schema, parseJsonText(bodyText, contentType));
      // Failures are responses too, so an idempotent POST stores and replays its 4xx like its 2xx.
      const run = () => handler({ request, params, actor, requestId, body }).catch((error: unknown) => errorResponse(error, requestId));
      const response = request.method === 'POST' ? await withIdempotency(request, actor, bodyText, run) : await run();
      response.headers.set('X-Request-Id', requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}
