import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPeriod } from './invoice-dates';

describe('invoice dates', () => {
  it('shows the UTC calendar date, whatever the machine zone', () => {
    expect(formatDate('2026-03-31T23:30:00.000Z')).toBe('31 Mar 2026');
    expect(formatDate(null)).toBe('—');
  });

  it('shows event times in UTC with the zone named', () => {
    expect(formatDateTime('2026-03-03T04:05:00.000Z')).toBe('3 Mar 2026, 04:05 UTC');
  });

  it('shows a calendar-month period as its month, an annual one as its first and last month', () => {
    expect(formatPeriod('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toBe('Mar 2026');
    expect(formatPeriod('2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe('Dec 2025');
    expect(formatPeriod('2025-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe('Dec 2025 – Nov 2026');
  });

  it('shows any other period as dates, the year written once when both ends share it', () => {
    expect(formatPeriod('2026-03-03T00:00:00.000Z', '2026-04-03T00:00:00.000Z')).toBe('3 Mar – 3 Apr 2026');
    expect(formatPeriod('2025-12-15T00:00:00.000Z', '2026-01-15T00:00:00.000Z')).toBe('15 Dec 2025 – 15 Jan 2026');
    expect(formatPeriod('2026-03-01T07:00:00.000Z', '2026-04-01T07:00:00.000Z')).toBe('1 Mar – 1 Apr 2026');
  });
});
