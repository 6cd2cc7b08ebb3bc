import type { NextRequest } from 'next/server';
import type { TActor } from '@/lib/auth/actor';
import { authenticateRequest, requireSuperAdmin } from '@/lib/auth/guard';
import { errorResponse } from './error-response';

export interface AdminRouteContext<P> {
  request: NextRequest;
  params: P;
  actor: TActor;
  requestId: string;
}

type Handler<P> = (context: AdminRouteContext<P>) => Promise<Response>;
type NextContext<P> = { params: Promise<P> };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The wrapper every /api/v1/admin route goes through (STYLE rule 2): request id, authentication
 * (session or API key), the super_admin check, and errors → problem+json. No route repeats it.
 */
export function adminRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async function route(request: NextRequest, context: NextContext<P>): Promise<Response> {
    const incoming = request.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    try {
      const actor = requireSuperAdmin(await authenticateRequest(request));
      const response = await handler({ request, params: await context.params, actor, requestId });
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
