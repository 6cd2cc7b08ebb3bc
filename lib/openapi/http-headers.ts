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
