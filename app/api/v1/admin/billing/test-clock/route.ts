import { adminRoute, json } from '@/lib/http/admin-route';
import { getTestClock } from '@/lib/test-clock/get-test-clock';
import { moveTestClock } from '@/lib/test-clock/move-test-clock';
import { ZMoveTestClockInput } from '@/lib/test-clock/schemas';

// Issue #19: the server's "now" (always readable), moved forward only with TEST_CLOCK=true (404 otherwise).
export const GET = adminRoute(async () => json(getTestClock()));
export const POST = adminRoute(async ({ body, actor, requestId }) => json(await moveTestClock(body(ZMoveTestClockInput), actor, requestId)));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
