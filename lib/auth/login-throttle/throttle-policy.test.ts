import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, admitAttempt, IP_POLICY, lockedUntil, type TThrottleState } from './throttle-policy';

const MINUTE = 60_000;
const start = new Date('2026-11-25T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

/** Admits `count` attempts at `time` (all of them failing), returning the state after. */
function fail(state: TThrottleState | null, count: number, time: Date, policy = ACCOUNT_POLICY): TThrottleState | null {
  for (let i = 0; i < count; i++) {
    const admission = admitAttempt(state, policy, time);
    if (!admission.admitted) throw new Error(`attempt ${i + 1} refused`);
    state = admission.next;
  }
  return state;
}

describe('sign-in throttle policy', () => {
  it('four failures within 15 minutes lock nothing; the fifth locks for one minute', () => {
    const four = fail(null, 4, start);
    expect(lockedUntil(four!, ACCOUNT_POLICY)).toBeNull();
    const five = fail(four, 1, at(14 * MINUTE));
    expect(lockedUntil(five!, ACCOUNT_POLICY)).toEqual(at(15 * MINUTE));
    expect(admitAttempt(five, ACCOUNT_POLICY, at(14 * MINUTE + 30_000))).toEqual({ admitted: false, retryAfterMs: 30_000 });
  });

  it('each failure after the lock doubles it: 1, 2, 4, 8, 16, 32 minutes, then an hour at most', () => {
    let state = fail(null, 5, start);
    let now = start;
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const until = lockedUntil(state!, ACCOUNT_POLICY)!;
      locks.push((until.getTime() - now.getTime()) / MINUTE);
      now = until;
      state = fail(state, 1, now);
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('a refused attempt changes nothing, so hammering does not extend the lock', () => {
    const locked = fail(null, 5, start);
    for (const second of [1, 20, 59]) expect(admitAttempt(locked, ACCOUNT_POLICY, at(second * 1000)).admitted).toBe(false);
    expect(admitAttempt(locked, ACCOUNT_POLICY, at(MINUTE)).admitted).toBe(true);
  });

  it('below the threshold, failures older than 15 minutes stop counting', () => {
    const four = fail(null, 4, start);
    const later = admitAttempt(four, ACCOUNT_POLICY, at(15 * MINUTE + 1));
    expect(later).toMatchObject({ admitted: true, next: { failures: 1, windowStart: at(15 * MINUTE + 1) } });
  });

  it('a lockout history is kept through quiet hours and forgotten after a quiet day', () => {
    const locked = fail(null, 5, start);
    expect(admitAttempt(locked, ACCOUNT_POLICY, at(23 * 60 * MINUTE))).toMatchObject({ admitted: true, next: { failures: 6 } });
    expect(admitAttempt(locked, ACCOUNT_POLICY, at(24 * 60 * MINUTE + 1))).toMatchObject({ admitted: true, next: { failures: 1 } });
  });

  it('an IP may fail 20 times before its lock', () => {
    const nineteen = fail(null, 19, start, IP_POLICY);
    expect(lockedUntil(nineteen!, IP_POLICY)).toBeNull();
    expect(lockedUntil(fail(nineteen, 1, start, IP_POLICY)!, IP_POLICY)).toEqual(at(MINUTE));
  });
});
