import { testClockEnabled } from '@/lib/clock';
import type { Db } from '@/lib/db';
import { getTestClock } from './get-test-clock';
import { syncTestClock } from './sync-test-clock';

/** The readiness warning (GET /api/ready) while the test clock is on: no real customer should be billed by this instance. */
export async function testClockWarning(client: Db): Promise<string | null> {
  if (!testClockEnabled()) return null;
  await syncTestClock(client);
  return `The test clock is on (TEST_CLOCK=true): billing rules read a movable clock, now ${getTestClock().now}. Never serve real customers from this instance.`;
}
