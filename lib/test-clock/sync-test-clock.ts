import { adoptClockOffset, testClockEnabled } from '@/lib/clock';
import { db, type Db } from '@/lib/db';

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
