/**
 * Sign-in throttling rules (docs/SECURITY.md, "Sign-in throttling and API rate limits"), pure so a
 * test can drive the clock. One state per account and per client IP; lib/auth/login-throttle/
 * admit-sign-in-attempt.ts keeps them in PostgreSQL.
 */
export interface TThrottlePolicy {
  /** Failures within `windowMs` that start a lockout. */
  maxFailures: number;
  windowMs: number;
  /** The first lockout; each further failure doubles it, up to `maxLockMs`. */
  firstLockMs: number;
  maxLockMs: number;
  /** Quiet time after which a state is forgotten, lockout history included. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

export const ACCOUNT_POLICY: TThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE };
export const IP_POLICY: TThrottlePolicy = { ...ACCOUNT_POLICY, maxFailures: 20 };

export interface TThrottleState {
  /** Attempts admitted and not (yet) refunded by a success. */
  failures: number;
  windowStart: Date;
  lastFailureAt: Date;
}

export type TAdmission = { admitted: true; next: TThrottleState } | { admitted: false; retryAfterMs: number };

/** When the lockout of `state` ends, or null when it has none. */
export function lockedUntil(state: TThrottleState, policy: TThrottlePolicy): Date | null {
  if (state.failures < policy.maxFailures) return null;
  const lockMs = Math.min(policy.firstLockMs * 2 ** (state.failures - policy.maxFailures), policy.maxLockMs);
  return new Date(state.lastFailureAt.getTime() + lockMs);
}

/**
 * Below the threshold, failures older than the window no longer count. Once locked, the history
 * is kept until a quiet day passes: otherwise waiting out a lock plus the window would hand an
 * attacker five fresh guesses every ~16 minutes instead of one per hour.
 */
function isForgotten(state: TThrottleState, policy: TThrottlePolicy, now: Date): boolean {
  const quietMs = now.getTime() - state.lastFailureAt.getTime();
  const windowOver = now.getTime() - state.windowStart.getTime() > policy.windowMs;
  return quietMs > policy.forgetAfterMs || (state.failures < policy.maxFailures && windowOver);
}

/**
 * Whether an attempt may check a password now. An admitted attempt is counted as a failure at
 * once (a success refunds it), so parallel guesses cannot all slip in before the first fails.
 * A refused attempt changes nothing: hammering a locked account does not extend its lock.
 */
export function admitAttempt(state: TThrottleState | null, policy: TThrottlePolicy, now: Date): TAdmission {
  const current = state && state.failures > 0 && !isForgotten(state, policy, now) ? state : null;
  const until = current ? lockedUntil(current, policy) : null;
  if (until && until > now) return { admitted: false, retryAfterMs: until.getTime() - now.getTime() };
  const next = current
    ? { failures: current.failures + 1, windowStart: current.windowStart, lastFailureAt: now }
    : { failures: 1, windowStart: now, lastFailureAt: now };
  return { admitted: true, next };
}
