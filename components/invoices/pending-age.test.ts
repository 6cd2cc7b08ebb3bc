import { describe, expect, it } from 'vitest';
import { pendingAge } from './pending-age';

describe('pendingAge', () => {
  it('counts whole minutes, then hours and minutes', () => {
    expect(pendingAge(59_999)).toBe('pending for 0 min');
    expect(pendingAge(12 * 60_000 + 30_000)).toBe('pending for 12 min');
    expect(pendingAge(60 * 60_000)).toBe('pending for 1 h 0 min');
    expect(pendingAge(125 * 60_000)).toBe('pending for 2 h 5 min');
  });

  it('a clock skew (created in the future) reads 0, never negative', () => {
    expect(pendingAge(-5_000)).toBe('pending for 0 min');
  });
});
