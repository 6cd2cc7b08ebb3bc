import type { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { requireSuperAdminAction } from '@/lib/auth/guard';
import { BillingError, type FieldError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { isDatabaseUnavailable } from './error-response';
import { parseWith } from './parse';

/** What a server action returns to the browser: the data, or the API's problem in short. */
export type TActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; errors?: FieldError[] };

/**
 * The server-action twin of adminRoute: the super_admin check (actions are public endpoints, so
 * each checks for itself), the same zod schema as the REST route, and BillingErrors as values the
 * form can put on the right field. Unknown errors are logged and reported without internals.
 */
export async function runAdminAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  operation: (data: z.infer<S>, actor: TActor) => Promise<T>,
): Promise<TActionResult<T>> {
  try {
    const actor = await requireSuperAdminAction();
    return { ok: true, data: await operation(parseWith(schema, input), actor) };
  } catch (error) {
    if (error instanceof BillingError) {
      return { ok: false, status: error.status, code: error.code, message: error.message, ...(error.options.errors ? { errors: error.options.errors } : {}) };
    }
    if (isDatabaseUnavailable(error)) {
      return { ok: false, status: 503, code: 'database_unavailable', message: 'The database is unreachable; retry shortly.' };
    }
    const reference = crypto.randomUUID();
    logger().error({ reference, err: error }, 'server action failed');
    return { ok: false, status: 500, code: 'internal_error', message: `Something went wrong on our side (reference ${reference}).` };
  }
}
