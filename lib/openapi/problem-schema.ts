import { z } from 'zod';
import type { TProblem } from '@/lib/http/problem';

/**
 * The problem+json body every error response carries (RFC 9457), as lib/http/problem.ts builds it.
 * Loose, not strict: an error may add its own figures (a refund's `amount_refundable`, a coupon's
 * `current_uses`), which TProblem allows as extra members.
 */
export const ZProblem = z
  .looseObject({
    type: z.string().meta({ description: 'A reference naming the error code, e.g. `/docs/errors#slug_taken`.' }),
    title: z.string().meta({ description: 'The HTTP status phrase, e.g. "Conflict".' }),
    status: z.number().int().min(400).max(599),
    detail: z.string().meta({ description: 'A sentence for a person: what went wrong and what to do.' }),
    code: z.string().meta({ description: 'A stable machine string; match on it, never on `detail`.' }),
    errors: z
      .array(z.strictObject({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'One entry per bad field; `path` is dotted (`limits.max_agents`), empty for the body as a whole.' }),
    request_id: z.string().optional().meta({ description: 'Quote it when reporting a problem; also in the `X-Request-Id` header.' }),
  })
  .meta({ description: 'RFC 9457 problem details (`application/problem+json`).' });

// The schema above must describe what problemBody() builds: a compile-time check both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Core<T> = Pick<T, Extract<keyof T, 'type' | 'title' | 'status' | 'detail' | 'code' | 'errors' | 'request_id'>>;
export const PROBLEM_SCHEMA_MATCHES: Same<Core<z.infer<typeof ZProblem>>, Core<TProblem>> = true;
