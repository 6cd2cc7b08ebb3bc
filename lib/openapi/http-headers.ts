import { z } from 'zod';

/** Headers the adminRoute wrapper reads and writes on every route (lib/http/admin-route.ts, idempotency.ts). */

export const ZRequestIdHeader = z.string().meta({
  description: 'The request id (yours from `X-Request-Id` when it is 8–128 of `A-Za-z0-9._-`, else a new UUID). Also in problem bodies.',
  header: { id: 'RequestId' },
});

/** SPEC §3.2: 1–255 characters; the first response for a key is stored for 24 hours and replayed. */
export const ZIdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({
    description:
      'Makes a retry safe: the first response for a key is stored for 24 hours and replayed byte for byte (with `Idempotent-Replayed: true`) for a retry with the same body. The same key with another body is 422 `idempotency_key_reused`; a retry while the first still runs is 409 `idempotency_request_in_progress`.',
    example: '6f1c2b9e-refund-INV-202610-000123',
    param: { id: 'IdempotencyKey' },
  });

export const ZIdempotentReplayedHeader = z.literal('true').optional().meta({
  description: 'Present (`true`) only when this response is the stored one, replayed for a retried Idempotency-Key.',
  header: { id: 'IdempotentReplayed' },
});

/** lib/http/rate-limit.ts: on every answer to a caller who got past authentication, while RATE_LIMIT_PER_MINUTE is on. */
export const ZRateLimitHeaders = {
  'RateLimit-Limit': z.string().optional().meta({ description: 'Requests allowed per minute for this API key or user (RATE_LIMIT_PER_MINUTE, default 600).', example: '600', header: { id: 'RateLimitLimit' } }),
  'RateLimit-Remaining': z.string().optional().meta({ description: 'Requests left in the current one-minute window.', example: '597', header: { id: 'RateLimitRemaining' } }),
  'RateLimit-Reset': z.string().optional().meta({ description: 'Seconds until the window restarts.', example: '42', header: { id: 'RateLimitReset' } }),
};

/** A document download (GET /invoices/{id}/pdf): saved under the document's number. */
export const ZAttachmentHeader = z.string().meta({
  description: '`attachment; filename="<number>.pdf"`.',
  example: 'attachment; filename="INV-202610-000123.pdf"',
  header: { id: 'AttachmentDisposition' },
});

/** lib/http/conditional-get.ts: a strong tag of the JSON answer (its rows' versions and the query string). */
export const ZETagHeader = z.string().meta({
  description: 'The entity tag of this answer: send it back as `If-None-Match` and an unchanged answer is 304 with no body. Any change to a row the answer shows changes it.',
  example: '"q1Fz0hV9kM3cJ2pX8bWnR4tYs6E"',
  header: { id: 'ETag' },
});

export const ZCacheControlRevalidateHeader = z.literal('private, no-cache').meta({
  description: 'Keep the answer, but revalidate it (`If-None-Match`) before every use; shared caches never store it.',
  header: { id: 'CacheControlRevalidate' },
});

/** RFC 9110 §13.1.2: one or more tags (weak ones compare equal to their strong spelling), or `*`. */
export const ZIfNoneMatchHeader = z
  .string()
  .optional()
  .meta({
    description: 'The `ETag` of an answer you hold (or several, comma-separated; `W/` tags compare as their strong spelling; `*` matches any current answer). When it names the current tag the answer is 304, with no body. Credentials and the role are checked first.',
    example: '"q1Fz0hV9kM3cJ2pX8bWnR4tYs6E"',
    param: { id: 'IfNoneMatch' },
  });
