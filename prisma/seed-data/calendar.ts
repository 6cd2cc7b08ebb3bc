/**
 * The demo's calendar: billing periods start on the 1st of a month at 00:00 UTC, and everything is
 * placed relative to the month the seed runs in (offset 0), so the demo always shows the last 12
 * months, whatever the date.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function monthStart(now: Date, offset: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}

/** INV-202511-…: the year and month of a date, UTC. */
export function yearMonth(date: Date): string {
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function addTime(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
