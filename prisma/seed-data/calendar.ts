/**
 * The demo catalog's calendar: placed relative to the month the seed runs in (offset 0), so
 * coupons' windows and the catalog's age follow the date the demo is seeded.
 */
export const DAY = 86_400_000;

export function monthStart(now: Date, offset: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}

export function addTime(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
