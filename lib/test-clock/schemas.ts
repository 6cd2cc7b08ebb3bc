import { z } from 'zod';
import { ZTimestamp } from '@/lib/billing/shared/schemas';

/** POST /test-clock: the instant the clock moves to (forward only). */
export const ZMoveTestClockInput = z.strictObject({
  now: ZTimestamp.meta({ description: 'The new "now", ISO 8601. Not before the clock\'s current time (409 `clock_backwards`).', example: '2027-01-01T00:00:00Z' }),
});
export type TMoveTestClockInput = z.infer<typeof ZMoveTestClockInput>;

export const ZTestClock = z
  .strictObject({
    enabled: z.boolean().meta({ description: 'Whether this server was started with `TEST_CLOCK=true` (only then may the clock move).' }),
    now: z.iso.datetime().meta({ description: 'The server\'s "now", which every billing rule reads.' }),
    offset_seconds: z.number().meta({ description: 'How far ahead of the real time the clock is, in seconds (0 when it never moved).' }),
  })
  .meta({ id: 'TestClock' });
export type TTestClock = z.infer<typeof ZTestClock>;

/** The audit log's entity id of the one test clock (audit entity ids are UUIDs). */
export const TEST_CLOCK_ENTITY_ID = '00000000-0000-4000-8000-00000000c10c';
