import { clockOffsetMs, now, testClockEnabled } from '@/lib/clock';
import type { TTestClock } from './schemas';

/** GET /test-clock: this server's "now" and whether it may move (answered whether or not the test clock is on). */
export function getTestClock(): TTestClock {
  return { enabled: testClockEnabled(), now: now().toISOString(), offset_seconds: Math.round(clockOffsetMs() / 1000) };
}
