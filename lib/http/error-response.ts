import { BillingError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { billingErrorToProblem, problemBody, problemResponse } from './problem';

/** Seconds a client should wait before retrying when the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Maps anything thrown by an operation to problem+json; unknown errors are 500s. It logs nothing:
 * the caller does, once (adminRoute's request line carries the error with the request id).
 */
export function errorResponse(error: unknown, requestId: string): Response {
  const headers = { 'X-Request-Id': requestId };
  if (error instanceof BillingError) {
    return problemResponse(billingErrorToProblem(error, requestId), { ...headers, ...error.options.headers });
  }
  if (isDatabaseUnavailable(error)) {
    return problemResponse(
      problemBody(503, 'database_unavailable', 'The database is unreachable; retry shortly.', { request_id: requestId }),
      { ...headers, 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return problemResponse(problemBody(409, 'conflict', 'A record with these unique values already exists.', { request_id: requestId }), headers);
  }
  return problemResponse(problemBody(500, 'internal_error', 'Something went wrong on our side. Quote the request id when reporting it.', { request_id: requestId }), headers);
}

// P2024/P2028: no pooled connection or transaction slot in time — overload, retryable like an outage.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (error instanceof Prisma.PrismaClientInitializationError) return true;
    if (typeof candidate.message === 'string' && /Can't reach database server|Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|DatabaseNotReachable/i.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
