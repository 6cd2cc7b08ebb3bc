import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptClockOffset, ClockError, clockOffsetMs, moveClockTo, now } from './clock';

describe('clock', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads the real time while the test clock is off', () => {
    const before = Date.now();
    const at = now().getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('refuses to move when TEST_CLOCK is not true', () => {
    vi.stubEnv('TEST_CLOCK', 'false');
    expect(() => moveClockTo(new Date('2099-01-01T00:00:00Z'))).toThrow(ClockError);
  });

  it('moves forward, keeps flowing, and never moves backward', () => {
    vi.stubEnv('TEST_CLOCK', 'true');
    const target = new Date('2099-01-01T00:00:00Z');
    moveClockTo(target);
    const read = now().getTime();
    expect(read).toBeGreaterThanOrEqual(target.getTime());
    expect(read - target.getTime()).toBeLessThan(1_000);
    expect(() => moveClockTo(new Date('2098-12-31T00:00:00Z'))).toThrow(/never moves backward/);
  });

  it('adopts a stored offset only forward, and only with the test clock on', () => {
    vi.stubEnv('TEST_CLOCK', 'false');
    const before = clockOffsetMs();
    adoptClockOffset(before + 60_000);
    expect(clockOffsetMs()).toBe(before);
    vi.stubEnv('TEST_CLOCK', 'true');
    adoptClockOffset(before + 60_000);
    expect(clockOffsetMs()).toBe(before + 60_000);
    adoptClockOffset(before);
    expect(clockOffsetMs()).toBe(before + 60_000);
  });
});
