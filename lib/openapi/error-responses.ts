import { z } from 'zod';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';
import { PROBLEM_CONTENT_TYPE, problemBody } from '@/lib/http/problem';
import { MAX_BODY_BYTES } from '@/lib/http/parse';
import { DATABASE_RETRY_AFTER_SECONDS } from '@/lib/http/error-response';
import type { TApiOperation } from './api-operation';
import { ZProblem } from './problem-schema';
import { ZRateLimitHeaders, ZRequestIdHeader } from './http-headers';

/** A sentence per error code for the examples; the real `detail` may name the value at fault. */
const EXAMPLE_DETAILS: Record<string, string> = {
  validation_failed: 'slug: Lowercase letters, digits and single hyphens only (e.g. "pro-annual").',
  invalid_json: 'The body is not valid JSON.',
  invalid_idempotency_key: 'Idempotency-Key must be 1–255 characters.',
  export_too_large: 'More than 100,000 invoices match; a CSV export holds at most 100,000. Narrow the filters (from/to, status, organization_id) and export in parts.',
  invalid_cursor: 'starting_after names no invoice; use next_cursor from the previous page.',
  unauthenticated: 'Sign in or send a valid API key as `Authorization: Bearer <key>`.',
  forbidden: 'Only super-admins may use the billing console and its API.',
  cross_origin_request: "A session cookie only authorises changes sent from this console's own pages; other clients use an API key.",
  not_found: 'No record has this id.',
  slug_taken: 'The slug "growth" is already used by another plan.',
  code_taken: 'The code "WELCOME20" is already used by another coupon (codes are compared ignoring case).',
  coupon_in_use: 'This coupon has been used 37 time(s): its code and discount can no longer change.',
  max_uses_below_current_uses: 'This coupon has been used 37 time(s); max_uses cannot be lower.',
  plan_currency_locked: 'This plan has subscriptions, so its currency cannot change.',
  invoice_not_refundable: 'A void invoice cannot be refunded; only paid and partially refunded ones can.',
  invoice_not_voidable: 'Invoice INV-202610-000123 is paid; only open invoices can be voided.',
  invoice_changed: 'The invoice changed since you looked: 200000 is refunded now, not 0.',
  refund_exceeds_refundable: 'At most 862270 IDR can be refunded.',
  api_key_secret_not_replayable: 'This Idempotency-Key already created API key bk_Q7x2LmP9… (4e8a2c6f-1b3d-4f57-9a0c-2d4f6b8e0a13). Its secret is shown only once and is not stored, so it cannot be replayed.',
  idempotency_request_in_progress: 'A request with this Idempotency-Key is in progress; retry later.',
  idempotency_key_reused: 'This Idempotency-Key was used with a different request body.',
  payload_too_large: `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`,
  unsupported_media_type: 'Send the body as JSON with `Content-Type: application/json`.',
  subscription_exists: 'This organization already has a subscription that is not cancelled: change it instead.',
  plan_inactive: 'Plan Legacy is deactivated: nobody can subscribe to it.',
  currency_mismatch: 'Plan Global is priced in USD; this subscription is billed in IDR.',
  coupon_not_applicable: 'Coupon LAUNCH50 does not apply: it has reached its maximum number of uses.',
  coupon_already_applied: 'Coupon WELCOME20 is already applied; remove it first.',
  coupon_already_redeemed: 'This organization has already redeemed coupon WELCOME20; a coupon is redeemed once per organization.',
  subscription_changed: 'The subscription or its prices changed since the preview: preview the change again and confirm what it shows.',
  subscription_busy: 'The subscription is being changed by other requests; retry.',
  downgrade_at_period_end: 'A change that lowers the price (or annual → monthly) takes effect at the period end; money goes back only through a refund.',
  no_change: 'The change leaves the subscription as it is.',
  subscription_cancelled: 'This subscription is cancelled; create a new one instead.',
  subscription_cancelling: 'This subscription ends at its period end; reactivate it before changing it.',
  period_not_invoiced: 'The current period has no invoice yet: unused days cannot be credited.',
  no_pending_change: 'This subscription has no scheduled change.',
  no_coupon: 'This subscription has no coupon.',
  already_cancelling: 'This subscription already ends at its period end.',
  not_cancelling: 'This subscription is not scheduled to end.',
  rate_limited: 'At most 600 requests per minute per API key or user; retry in 17 s.',
  database_unavailable: 'The database is unreachable; retry shortly.',
};

/**
 * The error codes an operation can answer with, by status: the ones its kind of route shares
 * (the adminRoute wrapper, parseId, body parsing, Idempotency-Key, the rate limit) plus its own rules.
 */
export function errorCodes(operation: TApiOperation): Record<number, string[]> {
  const hasBody = operation.body !== undefined;
  const isPost = operation.method === 'post';
  const own = operation.errors ?? {};
  const codes: Record<number, string[]> = {
    400: [
      ...(hasBody || operation.query ? ['validation_failed'] : []),
      ...(hasBody ? ['invalid_json'] : []),
      ...(isPost ? ['invalid_idempotency_key'] : []),
      ...(own[400] ?? []),
    ],
    401: ['unauthenticated'],
    // A write with a session cookie from another origin (CSRF; lib/auth/same-origin.ts).
    403: ['forbidden', ...(operation.method === 'get' ? [] : ['cross_origin_request'])],
    404: [...(operation.path.includes('{id}') ? ['not_found'] : []), ...(own[404] ?? [])],
    409: [...(own[409] ?? []), ...(isPost ? ['idempotency_request_in_progress'] : [])],
    413: hasBody ? ['payload_too_large'] : [],
    415: hasBody ? ['unsupported_media_type'] : [],
    422: [...(own[422] ?? []), ...(isPost ? ['idempotency_key_reused'] : [])],
    429: ['rate_limited'],
    503: ['database_unavailable'],
  };
  return Object.fromEntries(Object.entries(codes).filter(([, list]) => list.length > 0));
}

const ZRetryAfter = z.string().meta({ description: `Seconds to wait before retrying (${DATABASE_RETRY_AFTER_SECONDS}).` });
const ZRateLimitRetryAfter = z.string().meta({ description: 'Seconds until the rate-limit window restarts (as `RateLimit-Reset`).' });
const ZWwwAuthenticate = z.string().meta({ description: 'The challenge: `Bearer realm="billing"`.' });

/** problem+json responses, one per status, with an example per code built by the API's own problemBody(). */
export function errorResponses(operation: TApiOperation): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    Object.entries(errorCodes(operation)).map(([statusText, codes]) => {
      const status = Number(statusText);
      const example = (code: string) => problemBody(status, code, EXAMPLE_DETAILS[code] ?? code, { request_id: 'req_3f9c2a7e1b' });
      const headers = z.object({
        'X-Request-Id': ZRequestIdHeader,
        ...(status === 503 ? { 'Retry-After': ZRetryAfter } : {}),
        ...(status === 429 ? { 'Retry-After': ZRateLimitRetryAfter, ...ZRateLimitHeaders } : {}),
        ...(status === 401 ? { 'WWW-Authenticate': ZWwwAuthenticate } : {}),
      });
      const response = {
        description: `${example(codes[0]!).title}: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
        headers,
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: ZProblem,
            examples: Object.fromEntries(codes.map((code) => [code, { summary: code, value: example(code) }])),
          },
        },
      };
      return [statusText, response];
    }),
  );
}
