import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { admitRequest, requireSuperAdmin } from '@/lib/auth/guard';
import { testClockEnabled } from '@/lib/clock';
import { readScalar, readScalars, type TScalarRead } from '@/lib/db/scalar-read';
import { entityTag, ifNoneMatchHits, notModified, withEntityTag } from './conditional-get';
import { errorResponse } from './error-response';
import { idempotencyPlan, release, withIdempotency } from './idempotency';
import { parseJsonText, parseWith, readBodyText } from './parse';
import { rateLimitHeaders, refuseOverLimit, type TRateLimitResult } from './rate-limit';
import { logRequest } from './request-log';
import { requestIdOf } from './request-id';
import { syncTestClock } from '@/lib/test-clock/sync-test-clock';
import { TaggedBodies } from './tagged-bodies';

export interface AdminRouteContext<P> {
  request: NextRequest;
  params: P;
  actor: TActor;
  requestId: string;
  /** The JSON body validated by `schema` (400 problem+json when it does not fit). */
  body<T extends z.ZodType>(schema: T): z.infer<T>;
  /**
   * The value of the route's `prefetch` when it is read already: by the admission statement (a GET
   * with an API key and no If-None-Match) or kept under the answer's tag (lib/http/tagged-bodies.ts);
   * undefined otherwise: the handler then reads it itself.
   */
  prefetched?: string | null;
}

type Handler<P> = (context: AdminRouteContext<P>) => Promise<Response>;
type NextContext<P> = { params: Promise<P> };

type ReadPlanner<P> = (context: { request: NextRequest; params: P }) => TScalarRead | null;

export interface AdminRouteOptions<P> {
  maxBodyBytes?: number;
  /**
   * A GET whose answer has an entity tag (lib/http/conditional-get.ts): a cheap version of
   * everything its 200 body is made of, read after the guard and before the handler; null when there is
   * none (no such record: the handler answers; a CSV list). If-None-Match naming the tag is 304 and the
   * handler does not run.
   */
  version?: (context: { request: NextRequest; params: P }) => Promise<string | null>;
  /**
   * `version` as a scalar read (lib/db/scalar-read.ts), which an API key's admission statement
   * makes too (one round trip for a 304), or which is read alone after a session's guard.
   */
  versionSql?: ReadPlanner<P>;
  /**
   * What a GET's handler reads (a list's JSON built by PostgreSQL), as a scalar read the admission
   * statement of an API key makes for a request without If-None-Match: the handler gets its value as
   * `prefetched` and makes no round trip of its own. Null: nothing to prefetch for this request.
   * With `versionSql` too, the value is the body its tag names (a strong tag: the same tag, the same
   * bytes), so the last few are kept by tag (lib/http/tagged-bodies.ts): while one is kept, the
   * admission reads only the version, and the body comes from memory when the tag is the same.
   */
  prefetch?: ReadPlanner<P>;
}

interface TReadPlan {
  version: TScalarRead | null;
  prefetch: TScalarRead | null;
}

const NO_READS: TReadPlan = { version: null, prefetch: null };

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The wrapper every /api/v1/admin route goes through (STYLE rule 2): request id, authentication
 * (session or API key), the super_admin check, the per-caller rate limit, body size limit,
 * Idempotency-Key on every POST, errors → problem+json, and one log line per request
 * (lib/http/request-log.ts). No route repeats any of it.
 */
export function adminRoute<P = Record<string, never>>(handler: Handler<P>, options: AdminRouteOptions<P> = {}) {
  const bodies = options.versionSql && options.prefetch ? new TaggedBodies() : null;
  return async function route(request: NextRequest, context: NextContext<P>): Promise<Response> {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    let actor: TActor | null = null;
    let limits: TRateLimitResult | null = null;
    let thrown: unknown;
    /** The Idempotency-Key claim the admission made, until withIdempotency takes it over. */
    let claimId: string | undefined;
    /** A POST's body when it was read before the admission (readEarly); null: read in `answer`. */
    let earlyBody: { text: string } | { error: unknown } | null = null;
    // Every failure is answered here and remembered for the request's log line (logged once, there).
    const fail = (error: unknown) => ((thrown = error), errorResponse(error, requestId));
    let response: Response;
    try {
      const params = await context.params;
      // What a GET reads besides its admission, planned first so that an API key's admission
      // statement reads it too: one round trip for a 304, and for a 200 that prefetches its body.
      // Not with TEST_CLOCK=true (a read may depend on now(), known only after the admission), nor
      // when planning fails (a bad query string): then it is planned again after the guard, whose
      // 401/403/429 come first.
      const early = testClockEnabled() ? null : planReads(params, true);
      // A conditional GET is mostly answered 304: its body is read only when the tag missed. Nor is
      // it read while bodies are kept by tag: the version alone says whether the kept one is current.
      const folded = early && { ...early, prefetch: request.headers.has('if-none-match') || bodies?.size ? null : early.prefetch };
      // An API key's POST with an Idempotency-Key has its body read first, so that the admission
      // claims the key too (one round trip fewer); a body that cannot be read (413) is refused
      // where it always was, after the guard.
      if (request.method === 'POST' && request.headers.has('authorization') && request.headers.has('idempotency-key')) earlyBody = await readEarly();
      const idempotency = earlyBody && 'text' in earlyBody ? idempotencyPlan(request, earlyBody.text) : null;
      // An API key is authenticated and counted in one statement (lib/auth/api-keys/admit-api-key.ts).
      const admission = await admitRequest(request, folded ? [folded.version, folded.prefetch].filter((read) => read !== null) : [], idempotency);
      claimId = admission.claimId;
      actor = admission.actor;
      const superAdmin = requireSuperAdmin(actor);
      // Before the body is read (but an early one, above): a caller over its limit costs one statement and nothing more.
      limits = admission.limits && refuseOverLimit(admission.limits);
      // TEST_CLOCK=true only: the clock another instance moved holds here too (nothing otherwise;
      // an API key's admission already read it in its statement).
      if (!admission.clockSynced) await syncTestClock();
      const plan = early ?? planReads(params, false)!;
      const { version, prefetched } = folded && admission.reads ? foldedValues(folded, admission.reads) : await readAlone(plan, params);
      const tag = version === null ? null : entityTag(version, request);
      if (tag && ifNoneMatchHits(request.headers.get('if-none-match'), tag)) response = notModified(tag);
      else if (tag && bodies && plan.version && plan.prefetch) response = await answer(params, superAdmin, ...(await taggedBody(tag, prefetched, plan.version, plan.prefetch)));
      else response = await answer(params, superAdmin, tag, prefetched);
      response.headers.set('X-Request-Id', requestId);
    } catch (error) {
      response = fail(error);
      // A key the admission claimed for a request that failed before its handler ran: given back.
      if (claimId) await release(claimId);
    }
    if (limits) for (const [name, value] of Object.entries(rateLimitHeaders(limits))) response.headers.set(name, value);
    logRequest({ request, requestId, response, startedAt, actor, error: thrown });
    return response;

    /** The request's reads; `tolerant`: null instead of the error when planning fails. */
    function planReads(params: P, tolerant: boolean): TReadPlan | null {
      if (request.method !== 'GET' || (!options.versionSql && !options.prefetch)) return NO_READS;
      try {
        return { version: options.versionSql?.({ request, params }) ?? null, prefetch: options.prefetch?.({ request, params }) ?? null };
      } catch (error) {
        if (tolerant) return null;
        throw error;
      }
    }

    /**
     * The body of a route that keeps its bodies by tag: the one just read with the tag (kept), the
     * one kept under the tag, or else the version and the body read together (one snapshot, so the
     * body is the tag's; the tag may be newer than the admission's).
     */
    async function taggedBody(tag: string, prefetched: string | null | undefined, versionRead: TScalarRead, bodyRead: TScalarRead): Promise<[string, string | undefined]> {
      if (typeof prefetched === 'string') return (bodies!.keep(tag, prefetched), [tag, prefetched]);
      const kept = bodies!.get(tag);
      if (kept !== undefined) return [tag, kept];
      const [version, body] = await readScalars([versionRead, bodyRead]);
      if (typeof version !== 'string' || typeof body !== 'string') return [tag, undefined];
      const current = entityTag(version, request);
      bodies!.keep(current, body);
      return [current, body];
    }

    /** A session's (or a TEST_CLOCK run's) version, read alone; its handler reads its own body. */
    async function readAlone(plan: TReadPlan, params: P): Promise<{ version: string | null; prefetched: undefined }> {
      if (plan.version) return { version: await readScalar(plan.version), prefetched: undefined };
      return { version: options.version && request.method === 'GET' ? await options.version({ request, params }) : null, prefetched: undefined };
    }

    async function readEarly(): Promise<{ text: string } | { error: unknown }> {
      try {
        return { text: await readBodyText(request, options.maxBodyBytes) };
      } catch (error) {
        return { error };
      }
    }

    async function bodyOf(): Promise<string> {
      if (!WITH_BODY.has(request.method)) return '';
      if (earlyBody && 'error' in earlyBody) throw earlyBody.error;
      return earlyBody ? earlyBody.text : readBodyText(request, options.maxBodyBytes);
    }

    async function answer(params: P, superAdmin: TActor, tag: string | null, prefetched: string | null | undefined): Promise<Response> {
      const bodyText = await bodyOf();
      const contentType = request.headers.get('content-type');
      const body = <T extends z.ZodType>(schema: T): z.infer<T> => parseWith(schema, parseJsonText(bodyText, contentType));
      // Failures are responses too, so an idempotent POST stores and replays its 4xx like its 2xx.
      const run = () => handler({ request, params, actor: superAdmin, requestId, body, ...(prefetched === undefined ? {} : { prefetched }) }).catch(fail);
      const preClaimed = claimId;
      claimId = undefined; // withIdempotency owns it now (it releases it on a 5xx or a throw)
      const response = request.method === 'POST' ? await withIdempotency(request, superAdmin, bodyText, run, preClaimed) : await run();
      return tag ? withEntityTag(response, tag) : response;
    }
  };
}

/** The values of a plan's reads as the admission statement returned them (in the order they were passed). */
function foldedValues(plan: TReadPlan, values: (string | null)[]): { version: string | null; prefetched: string | null | undefined } {
  let index = 0;
  const version = plan.version ? (values[index++] ?? null) : null;
  return { version, prefetched: plan.prefetch ? (values[index] ?? null) : undefined };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonText(JSON.stringify(data), status, headers);
}

/** `json` for a body that is JSON text already (built by PostgreSQL: lib/db/scalar-read.ts), passed through as it is. */
export function jsonText(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}
