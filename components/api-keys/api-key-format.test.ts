import { describe, expect, it } from 'vitest';
import { formatKeyDate, formatKeyDateTime, formatRelative, maskedKey } from './api-key-format';

const now = '2026-03-10T12:00:00.000Z';
const before = (ms: number) => new Date(new Date(now).getTime() - ms).toISOString();

describe('API key formatting', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [60_000, '1 minute ago'],
    [59 * 60_000, '59 minutes ago'],
    [3_600_000, '1 hour ago'],
    [23 * 3_600_000, '23 hours ago'],
    [86_400_000, '1 day ago'],
    [29 * 86_400_000, '29 days ago'],
    [30 * 86_400_000, '8 Feb 2026'],
  ])('%d ms ago reads %j', (elapsed, expected) => {
    expect(formatRelative(before(elapsed), now)).toBe(expected);
  });

  it('a timestamp slightly in the future (clock skew) reads "just now"', () => {
    expect(formatRelative('2026-03-10T12:00:05.000Z', now)).toBe('just now');
  });

  it('dates are UTC', () => {
    expect(formatKeyDate('2026-03-03T23:30:00.000Z')).toBe('3 Mar 2026');
    expect(formatKeyDateTime('2026-03-03T04:05:00.000Z')).toBe('3 Mar 2026, 04:05 UTC');
  });

  it('masks a key to its prefix', () => {
    expect(maskedKey('bk_AbCdEfGh')).toBe('bk_AbCdEfGh…');
  });
});
