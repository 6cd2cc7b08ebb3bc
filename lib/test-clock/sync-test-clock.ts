import { adoptClockOffset, testClockEnabled } from '@/lib/clock';
import { db, type Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Reads the test clock's row and adopts its offset (lib/clock.ts), so a move made through any
 * instance over this database holds on every instance from its next request. Only with
 * TEST_CLOCK=true (one indexed single-row read per request then); otherwise nothing at all.
 */
export async function syncTestClock(client: Db = db()): Promise<void> {
  if (!testClockEnabled()) return;
  const [row] = await client.$queryRaw<{ offset_ms: bigint }[]>`SELECT offset_ms FROM test_clock WHERE id = 1`;
  if (row) adoptClockOffset(Number(row.offset_ms));
}

/**
 * The same read as a column of another statement that every request makes anyway (an API key's
 * admission, the rate limiter's count): `… AS clock_offset_ms`, null with TEST_CLOCK off. Its
 * value goes to adoptTestClockOffset; the request then needs no syncTestClock of its own.
 */
export function testClockOffsetSql(): Prisma.Sql {
  return Prisma.sql`(SELECT offset_ms FROM test_clock WHERE id = 1 AND ${testClockEnabled()}::boolean)`;
}

/** Adopts what testClockOffsetSql read; true when the request's clock is synced by it (TEST_CLOCK=true). */
export function adoptTestClockOffset(offsetMs: bigint | null): boolean {
  if (!testClockEnabled()) return false;
  if (offsetMs !== null) adoptClockOffset(Number(offsetMs));
  return true;
}
