import type { NextRequest } from 'next/server';
import { errorResponse } from './error-response';
import { readBodyText } from './parse';
import { enforceWebhookRateLimit } from './rate-limit';
import { logRequest } from './request-log';
import { syncTestClock } from '@/lib/test-clock/sync-test-clock';

type WebhookHandler = (context: { request: NextRequest; rawBody: string; requestId: string }) => Promise<Response>;

/**
 * The wrapper of the provider webhook routes — the only routes outside adminRoute, by design
 * (docs/SECURITY.md): no session or API key, the provider's signature instead (checked by the
 * handler before anything is stored). Here: request id, the per-provider rate limit (429), the
 * 64 KiB body limit (413), the raw body (signatures are over the exact bytes), errors →
 * problem+json (a bad signature or body is 400; the database down is 503, which providers retry),
 * and the request log line.
 */
export function webhookRoute(provider: string, handler: WebhookHandler) {
  return async function route(request: NextRequest): Promise<Response> {
    const startedAt = performance.now();
    const requestId = crypto.randomUUID();
    let thrown: unknown;
    let response: Response;
    try {
      // With TEST_CLOCK=true the limiter's statement reads the test clock too.
      const { clockSynced } = await enforceWebhookRateLimit(provider);
      const rawBody = await readBodyText(request);
      if (!clockSynced) await syncTestClock();
      response = await handler({ request, rawBody, requestId });
    } catch (error) {
      thrown = error;
      response = errorResponse(error, requestId);
    }
    response.headers.set('X-Request-Id', requestId);
    logRequest({ request, requestId, response, startedAt, actor: null, error: thrown });
    return response;
  };
}
