import { describe, expect, it } from 'vitest';
import { addMonthsClamped, cycleMonths, nextPeriod, nthPeriod, periodIndex, wholeDaysBetween } from './billing-period';

const d = (iso: string) => new Date(iso);

describe('billing periods', () => {
  it('a monthly period anchored on the 31st ends on the last day of shorter months and comes back to the 31st', () => {
    const anchor = d('2026-01-31T10:00:00.000Z');
    expect(addMonthsClamped(anchor, 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonthsClamped(anchor, 2).toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(addMonthsClamped(d('2028-01-31T00:00:00.000Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('periods are computed from the anchor, so they never drift', () => {
    const anchor = d('2026-01-31T00:00:00.000Z');
    const third = nthPeriod(anchor, 'monthly', 2);
    expect(third.start.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(third.end.toISOString()).toBe('2026-04-30T00:00:00.000Z');
    expect(nextPeriod(anchor, 'monthly', d('2026-02-28T00:00:00.000Z')).start.toISOString()).toBe('2026-03-31T00:00:00.000Z');
  });

  it('an annual period is twelve months, Feb 29 anchors clamp to Feb 28', () => {
    const anchor = d('2028-02-29T00:00:00.000Z');
    const first = nthPeriod(anchor, 'annual', 0);
    expect(first.end.toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(nthPeriod(anchor, 'annual', 4).start.toISOString()).toBe('2032-02-29T00:00:00.000Z');
  });

  it('periodIndex finds the period that starts at a date and refuses a date that starts none', () => {
    const anchor = d('2026-01-31T00:00:00.000Z');
    expect(periodIndex(anchor, 'monthly', d('2026-04-30T00:00:00.000Z'))).toBe(3);
    expect(periodIndex(anchor, 'monthly', anchor)).toBe(0);
    expect(periodIndex(anchor, 'monthly', d('2027-02-28T00:00:00.000Z'))).toBe(13);
    expect(periodIndex(d('2026-03-31T00:00:00.000Z'), 'monthly', d('2026-06-30T00:00:00.000Z'))).toBe(3);
    expect(periodIndex(d('2026-03-31T00:00:00.000Z'), 'annual', d('2029-03-31T00:00:00.000Z'))).toBe(3);
    expect(() => periodIndex(anchor, 'monthly', d('2026-04-15T00:00:00.000Z'))).toThrow(RangeError);
    expect(() => nthPeriod(anchor, 'monthly', -1)).toThrow(RangeError);
  });

  it('a period keeps the anchor’s time of day to the millisecond', () => {
    expect(addMonthsClamped(d('2026-01-15T10:20:30.456Z'), 1).toISOString()).toBe('2026-02-15T10:20:30.456Z');
    expect(nthPeriod(d('2026-05-31T23:59:59.999Z'), 'monthly', 0).end.toISOString()).toBe('2026-06-30T23:59:59.999Z');
  });

  it('a monthly cycle is one month and an annual one twelve, across year ends', () => {
    expect(cycleMonths('monthly')).toBe(1);
    expect(cycleMonths('annual')).toBe(12);
    const december = nthPeriod(d('2026-12-15T00:00:00.000Z'), 'monthly', 0);
    expect([december.start.toISOString(), december.end.toISOString()]).toEqual(['2026-12-15T00:00:00.000Z', '2027-01-15T00:00:00.000Z']);
    expect(nextPeriod(d('2026-03-01T00:00:00.000Z'), 'annual', d('2027-03-01T00:00:00.000Z')).start.toISOString()).toBe('2028-03-01T00:00:00.000Z');
  });

  it('refuses a period index that is negative or not whole, saying so', () => {
    const anchor = d('2026-01-31T00:00:00.000Z');
    expect(() => nthPeriod(anchor, 'monthly', -1)).toThrow('period index must be a non-negative integer, got -1');
    expect(() => nthPeriod(anchor, 'monthly', 1.5)).toThrow('period index must be a non-negative integer, got 1.5');
  });

  it('refuses a date inside the first period that is not its start, naming the schedule', () => {
    const anchor = d('2026-01-31T00:00:00.000Z');
    expect(() => periodIndex(anchor, 'monthly', d('2026-01-31T05:00:00.000Z'))).toThrow(
      '2026-01-31T05:00:00.000Z is not a period start of a monthly schedule anchored at 2026-01-31T00:00:00.000Z',
    );
    expect(() => nextPeriod(anchor, 'annual', d('2027-01-30T00:00:00.000Z'))).toThrow('is not a period start of a annual schedule');
  });

  it('whole UTC days ignore the time of day', () => {
    expect(wholeDaysBetween(d('2026-01-01T23:59:00Z'), d('2026-02-01T00:01:00Z'))).toBe(31);
    expect(wholeDaysBetween(d('2026-03-10T00:00:00Z'), d('2026-03-10T12:00:00Z'))).toBe(0);
    expect(wholeDaysBetween(d('2026-02-01T00:00:00Z'), d('2026-03-01T00:00:00Z'))).toBe(28);
    expect(wholeDaysBetween(d('2026-03-01T00:00:00Z'), d('2026-02-01T23:00:00Z'))).toBe(-28);
    expect(wholeDaysBetween(d('2025-12-31T00:00:00Z'), d('2026-12-31T00:00:00Z'))).toBe(365);
  });
});
