import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { admitRequest, requireSuperAdmin } from '@/lib/auth/guard';
import { entityTag, ifNoneMatchHits, notModified, withEntityTag } from './conditional-get';
import { errorResponse } from './error-response';
import { withIdempotency } from './idempotency';
import { parseJsonText, parseWith, readBodyText } from './parse';
import { rateLimitHeaders, refuseOverLimit, type TRateLimitResult } from './rate-limit';
import { logRequest } from './request-log';
import { requestIdOf } from './request-id';
import { syncTestClock } from '@/lib/test-clock/sync-test-clock';

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

export interface AdminRouteOptions<P> {
  maxBodyBytes?: number;
  /**
   * A GET whose answer has an entity tag (lib/http/conditional-get.ts): a cheap version of
   * everything its 200 body is made of, read after the guard and before the handler; null when there is
   * none (no such record: the handler answers; a CSV list). If-None-Match naming the tag is 304 and the
   * handler does not run.
   */
  version?: (context: { request: NextRequest; params: P }) => Promise<string | null>;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The wrapper every /api/v1/admin route goes through (STYLE rule 2): request id, authentication
 * (session or API key), the super_admin check, the per-caller rate limit, body size limit,
 * Idempotency-Key on every POST, errors → problem+json, and one log line per request
 * (lib/http/request-log.ts). No route repeats any of it.
 */
export function adminRoute<P = Record<string, never>>(handler: Handler<P>, options: AdminRouteOptions<P> = {}) {
  return async function route(request: NextRequest, context: NextContext<P>): Promise<Response> {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    let actor: TActor | null = null;
    let limits: TRateLimitResult | null = null;
    let thrown: unknown;
    // Every failure is answered here and remembered for the request's log line (logged once, there).
    const fail = (error: unknown) => ((thrown = error), errorResponse(error, requestId));
    let response: Response;
    try {
      // An API key is authenticated and counted in one statement (lib/auth/api-keys/admit-api-key.ts).
      const admission = await admitRequest(request);
      actor = admission.actor;
      const superAdmin = requireSuperAdmin(actor);
      // Before the body is read: a caller over its limit costs one statement and nothing more.
      limits = admission.limits && refuseOverLimit(admission.limits);
      // TEST_CLOCK=true only: the clock another instance moved holds here too (nothing otherwise;
      // an API key's admission already read it in its statement).
      if (!admission.clockSynced) await syncTestClock();
      const params = await context.params;
      const version = options.version && request.method === 'GET' ? await options.version({ request, params }) : null;
      const tag = version === null ? null : entityTag(version, request);
      if (tag && ifNoneMatchHits(request.headers.get('if-none-match'), tag)) response = notModified(tag);
      else response = await answer(params, superAdmin, tag);
      response.headers.set('X-Request-Id', requestId);
    } catch (error) {
      response = fail(error);
    }
    if (limits) for (const [name, value] of Object.entries(rateLimitHeaders(limits))) response.headers.set(name, value);
    logRequest({ request, requestId, response, startedAt, actor, error: thrown });
    return response;

    async function answer(params: P, superAdmin: TActor, tag: string | null): Promise<Response> {
      const bodyText = WITH_BODY.has(request.method) ? await readBodyText(request, options.maxBodyBytes) : '';
      const contentType = request.headers.get('content-type');
      const body = <T extends z.ZodType>(schema: T): z.infer<T> => parseWith(schema, parseJsonText(bodyText, contentType));
      // Failures are responses too, so an idempotent POST stores and replays its 4xx like its 2xx.
      const run = () => handler({ request, params, actor: superAdmin, requestId, body }).catch(fail);
      const response = request.method === 'POST' ? await withIdempotency(request, superAdmin, bodyText, run) : await run();
      return tag ? withEntityTag(response, tag) : response;
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}
