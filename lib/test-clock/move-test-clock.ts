import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { adoptClockOffset, clockOffsetMs, now, testClockEnabled } from '@/lib/clock';
import { db } from '@/lib/db';
import { BillingError, conflict } from '@/lib/errors';
import { getTestClock } from './get-test-clock';
import { TEST_CLOCK_ENTITY_ID, type TMoveTestClockInput, type TTestClock } from './schemas';

/**
 * POST /test-clock (issue #19): moves every billing rule's "now" forward to `input.now`, on every
 * instance over this database (the offset is stored in `test_clock`, row-locked, and read by each
 * instance before a request: lib/test-clock/sync-test-clock.ts). 404 unless the server was started
 * with TEST_CLOCK=true, so a production server does not even admit the route exists to a
 * super-admin; 409 `clock_backwards` for an instant before the clock's current time. Audited.
 */
export async function moveTestClock(input: TMoveTestClockInput, actor: TActor, requestId?: string): Promise<TTestClock> {
  if (!testClockEnabled()) throw new BillingError(404, 'test_clock_disabled', 'The test clock is off: start the server with TEST_CLOCK=true to move it.');
  const target = new Date(input.now);
  const offset = await db().$transaction(async (tx) => {
    // The row exists from the first move on; the insert makes the lock below find it.
    await tx.$executeRaw`INSERT INTO test_clock (id, offset_ms, moved_at) VALUES (1, 0, ${now()}::timestamptz) ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ offset_ms: bigint }[]>`SELECT offset_ms FROM test_clock WHERE id = 1 FOR UPDATE`;
    const stored = Number(row!.offset_ms);
    adoptClockOffset(stored);
    const before = now();
    if (target.getTime() < before.getTime()) {
      throw conflict('clock_backwards', `The clock never moves backward: it is ${before.toISOString()}, and ${target.toISOString()} is earlier.`, { now: before.toISOString() });
    }
    // The offset that makes now() read `target` at this real instant.
    const next = target.getTime() - (before.getTime() - clockOffsetMs());
    await tx.$executeRaw`UPDATE test_clock SET offset_ms = ${BigInt(next)}, moved_at = ${target}::timestamptz WHERE id = 1`;
    await recordAudit(tx, actor, {
      action: 'test_clock.moved', entityType: 'test_clock', entityId: TEST_CLOCK_ENTITY_ID, requestId,
      before: { now: before.toISOString() }, after: { now: target.toISOString() },
    });
    return next;
  });
  adoptClockOffset(offset);
  return getTestClock();
}
