import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, previousRange, resolveRange } from './date-range';

describe('analytics date ranges', () => {
  it('defaults to the 30 days up to and including today (UTC): [today − 29, tomorrow)', () => {
    expect(resolveRange({}, new Date('2026-03-31T23:30:00Z'))).toEqual({ from: '2026-03-02', to: '2026-04-01' });
    expect(daysBetween('2026-03-02', '2026-04-01')).toBe(30);
  });

  it('a missing bound is filled from the other one: from = to − 30 days, to = tomorrow', () => {
    const today = new Date('2026-03-15T10:00:00Z');
    expect(resolveRange({ to: '2026-03-01' }, today)).toEqual({ from: '2026-01-30', to: '2026-03-01' });
    expect(resolveRange({ from: '2026-01-01' }, today)).toEqual({ from: '2026-01-01', to: '2026-03-16' });
  });

  it('the previous period has the same number of days and ends where the range starts', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-04-01' })).toEqual({ from: '2026-01-29', to: '2026-03-01' });
    expect(previousRange({ from: '2024-03-01', to: '2024-03-02' })).toEqual({ from: '2024-02-29', to: '2024-03-01' });
  });

  it('date arithmetic is calendar arithmetic in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2021-03-01', 5)).toBe('2026-03-01');
  });
});
