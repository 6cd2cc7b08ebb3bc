import { Prisma } from '@/lib/generated/prisma/client';

/**
 * True when `error` is a unique-constraint violation (on `field`, when given): P2002 from a model
 * query, or — from a raw statement ($queryRaw), which Prisma reports as P2010 — the pg adapter's
 * `UniqueConstraintViolation` under the error's meta.driverAdapterError, naming the index.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return !field || JSON.stringify(error.meta ?? {}).includes(field);
  const pending: unknown[] = [error.meta?.driverAdapterError];
  for (let seen = 0; pending.length > 0 && seen < 5; seen++) {
    const candidate = pending.shift() as { kind?: unknown; constraint?: unknown; cause?: unknown } | null | undefined;
    if (!candidate || typeof candidate !== 'object') continue;
    if (candidate.kind === 'UniqueConstraintViolation') return !field || JSON.stringify(candidate.constraint ?? {}).includes(field);
    pending.push(candidate.cause);
  }
  return false;
}
