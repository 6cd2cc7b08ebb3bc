import { describe, expect, it } from 'vitest';
import { BillingError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/db/outage-digest';
import { errorResponse, isDatabaseUnavailable, markDatabaseUnavailable } from './error-response';

const prismaError = (code: string, meta: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('Invalid invocation', { code, clientVersion: '7.10.1', meta });

describe('isDatabaseUnavailable', () => {
  it('recognises each shape an outage took in tests/integration/database-outage.int.test.ts', () => {
    // The server refused the connection, or let it time out (lib/db/fail-fast-client.ts).
    expect(isDatabaseUnavailable(prismaError('P1001', { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ETIMEDOUT 10.0.0.5:5432'), { code: 'ETIMEDOUT' }))).toBe(true);
    // A query cut off by a shutdown: P2010 says only "raw query failed"; 57P01 is in its meta.
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57P01', severity: 'FATAL' } } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } }))).toBe(true);
  });

  it('leaves real errors alone: a constraint, a syntax error, a statement timeout, a billing rule', () => {
    expect(isDatabaseUnavailable(prismaError('P2002', { target: ['slug'] }))).toBe(false);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'postgres', code: '42601' } } }))).toBe(false);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'postgres', code: '57014' } } }))).toBe(false);
    expect(isDatabaseUnavailable(new BillingError(409, 'slug_taken', 'taken'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('is answered 503 database_unavailable with Retry-After', async () => {
    const response = errorResponse(prismaError('P1001', {}), 'req-1');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ code: 'database_unavailable', request_id: 'req-1' });
  });
});

describe('markDatabaseUnavailable', () => {
  it('gives an outage the digest the error screen recognises, keeping the original as the cause', () => {
    const outage = prismaError('P1001', {});
    const marked = markDatabaseUnavailable(outage) as Error & { digest: string };
    expect(marked.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(marked.cause).toBe(outage);
  });

  it('passes any other error through untouched', () => {
    const other = new Error('boom');
    expect(markDatabaseUnavailable(other)).toBe(other);
  });
});
