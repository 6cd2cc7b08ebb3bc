/**
 * The one source of "now" for billing code: periods, due dates, coupon windows, billing runs,
 * reconciler ages, analytics defaults. Nothing under lib/billing reads `new Date()` or
 * `Date.now()` for a business time; it calls `now()` here, so a test clock (SPEC issue #19,
 * `TEST_CLOCK=true`) moves every rule at once.
 *
 * The test clock is an offset from the real clock, not a frozen instant: time keeps flowing after
 * a move (so consecutive writes stay ordered), and a move is only ever forward.
 * Timestamps that billing rules read back (issued_at, paid_at, period bounds, created_at of
 * refunds and payments) are written from `now()`, never from PostgreSQL's `now()`.
 */
let offsetMs = 0;
/** Set while an in-process simulation holds this process's clock (simulateClockAt): nothing adopts a stored offset then. */
let simulating = false;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Whether this process may move its clock (`TEST_CLOCK=true` at start). */
export function testClockEnabled(): boolean {
  return process.env.TEST_CLOCK === 'true';
}

export class ClockError extends Error {
  constructor(
    readonly code: 'test_clock_disabled' | 'clock_backwards',
    message: string,
  ) {
    super(message);
  }
}

/** How far ahead of the real clock this process's `now()` is (0 unless the test clock moved). */
export function clockOffsetMs(): number {
  return offsetMs;
}

/**
 * Adopts the offset the test clock's row holds (lib/test-clock/sync-test-clock.ts), so every
 * instance over one database reads the same time. Forward only, like moveClockTo: an older offset
 * read by a slow request never takes this process back.
 */
export function adoptClockOffset(ms: number): void {
  if (!testClockEnabled() || simulating) return;
  if (ms > offsetMs) offsetMs = ms;
}

/** Moves the test clock forward to `to`. Refused when the test clock is off or `to` is in its past. */
export function moveClockTo(to: Date): Date {
  if (!testClockEnabled()) throw new ClockError('test_clock_disabled', 'The test clock is off (start the server with TEST_CLOCK=true).');
  const current = nowMs();
  if (to.getTime() < current) {
    throw new ClockError('clock_backwards', `The clock never moves backward: it is ${new Date(current).toISOString()}, ${to.toISOString()} is earlier.`);
  }
  offsetMs = to.getTime() - Date.now();
  return now();
}

/**
 * An in-process simulation's clock (the demo seed replays two years that end now, through the
 * route handlers: scripts/lib/simulate/in-process-target.ts): sets this process's "now" to `to`,
 * backward too. Nothing is stored (no `test_clock` row, no TEST_CLOCK needed) and no stored offset
 * is adopted meanwhile; endSimulatedClock gives the real clock back. Never called by a server.
 */
export function simulateClockAt(to: Date): void {
  simulating = true;
  offsetMs = to.getTime() - Date.now();
}

/** Ends simulateClockAt: this process's clock is the real one again (offset 0). */
export function endSimulatedClock(): void {
  simulating = false;
  offsetMs = 0;
}
