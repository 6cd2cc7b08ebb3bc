import { BillingError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/db/outage-digest';
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
// 57P01–03: the server is shutting down, crashed, or starting; 08xxx: the connection failed;
// 53300: no connection slot left on the server.
const UNAVAILABLE_CODES = new Set([
  'P1001', 'P1002', 'P1017', 'P2024', 'P2028',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300',
]);
// @prisma/adapter-pg's names for the same failures, found under a Prisma error's meta.driverAdapterError.
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// pg's own words when a connection died under a query (plain Errors, no code).
const UNAVAILABLE_MESSAGE = /Can't reach database server|Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|DatabaseNotReachable|Query read timeout|is not queryable/i;

/**
 * Whether an error means the database could not be reached or stopped answering: the error,
 * its causes, and the driver error a Prisma error carries in `meta` (a query cut off by a
 * server shutting down arrives as P2010 with the PostgreSQL code 57P01 only there).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const candidate = pending.shift() as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | null;
    if (!candidate || typeof candidate !== 'object') continue;
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.kind === 'string' && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
    pending.push(candidate.cause, candidate.meta?.driverAdapterError);
  }
  return false;
}

/**
 * For server components: an unreachable database rethrown with a digest the page's error screen
 * recognises ("The database is unreachable, retrying…"); anything else unchanged.
 */
export function markDatabaseUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return Object.assign(new Error('The database is unreachable.', { cause: error }), { digest: DATABASE_UNAVAILABLE_DIGEST });
}
