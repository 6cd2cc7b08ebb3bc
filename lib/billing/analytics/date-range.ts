/**
 * Calendar dates (`YYYY-MM-DD`) as UTC instants, for the analytics ranges. A range is half-open,
 * [from, to): `from` is the first day counted, `to` the first day not counted, both at 00:00 UTC.
 * Pure and clock-free (the caller passes `today`), so the defaults are unit-tested.
 */
const DAY_MS = 86_400_000;

/** SPEC §7 "over a date range": without one, the last 30 days including today. */
export const DEFAULT_RANGE_DAYS = 30;
/** Longer ranges are refused: a daily series would pass 1,800 buckets and no dashboard needs it. */
export const MAX_RANGE_YEARS = 5;

export interface TDateRange {
  from: string;
  to: string;
}

/** 00:00 UTC of a `YYYY-MM-DD` date. */
export function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The UTC calendar date of an instant. */
export function toDateString(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return toDateString(new Date(startOfDay(date).getTime() + days * DAY_MS));
}

/** Same month and day `years` later; 29 February lands on 1 March in a common year. */
export function addYears(date: string, years: number): string {
  const start = startOfDay(date);
  return toDateString(new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate())));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

/**
 * Fills what the caller left out: `to` defaults to tomorrow, so today is counted; `from` defaults
 * to 30 days before `to`.
 */
export function resolveRange(query: Partial<TDateRange>, today: Date): TDateRange {
  const to = query.to ?? addDays(toDateString(today), 1);
  const from = query.from ?? addDays(to, -DEFAULT_RANGE_DAYS);
  return { from, to };
}

/** The period of equal length just before `range`, for period-over-period change. */
export function previousRange(range: TDateRange): TDateRange {
  return { from: addDays(range.from, -daysBetween(range.from, range.to)), to: range.from };
}
