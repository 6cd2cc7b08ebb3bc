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

  it('writes the year once when a period stays within it', () => {
    expect(formatPeriod('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toBe('1 Mar – 1 Apr 2026');
    expect(formatPeriod('2025-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe('1 Dec 2025 – 1 Dec 2026');
  });
});
