import type { NextRequest } from 'next/server';
import type { TActor } from '@/lib/auth/actor';
import { BillingError } from '@/lib/errors';
import { logger, plainLogger } from '@/lib/log';

export interface TRequestOutcome {
  request: NextRequest;
  requestId: string;
  response: Response;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** Who asked, when known: also for a 403, so a refused caller is on record. */
  actor: TActor | null;
  /** What the handler or the wrapper threw, if anything. */
  error?: unknown;
}

/**
 * The one line an API request writes: who did what, how it ended and how long it took. The
 * actor is its type, id and label (an email or a key name) — never a credential. A 5xx carries
 * the error with its stack; a 4xx only its code, since the client's mistake is no incident.
 * The duration ends when the response starts: a streamed CSV export may run on after it.
 */
export function logRequest({ request, requestId, response, startedAt, actor, error }: TRequestOutcome): void {
  const status = response.status;
  const line = {
    request_id: requestId,
    method: request.method,
    route: request.nextUrl.pathname,
    status,
    duration_ms: Math.round((performance.now() - startedAt) * 10) / 10,
    actor: actor ? { type: actor.type, id: actor.id, label: actor.label } : null,
    ...(error instanceof BillingError ? { code: error.code } : {}),
    ...(response.headers.get('idempotent-replayed') === 'true' ? { idempotent_replayed: true } : {}),
  };
  try {
    if (status >= 500) logger().error({ ...line, ...(error === undefined ? {} : { err: error }) }, 'request failed');
    // The line holds only the fields above, none a credential: no key-path redaction needed.
    else plainLogger().info(line, 'request');
  } catch {
    // A log that cannot be written (stdout gone) must not turn an answered request into a failure.
  }
}
