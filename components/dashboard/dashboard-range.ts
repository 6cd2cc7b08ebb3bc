import { addDays, daysBetween, toDateString, type TDateRange } from '@/lib/billing/analytics/date-range';
import type { TAnalyticsInterval } from '@/lib/billing/analytics/schemas';

/**
 * The dashboard's date ranges, as the analytics API takes them: calendar dates in UTC, half-open
 * [from, to). Pure and clock-free (the caller passes `today`), so server and browser agree and the
 * presets are unit-tested.
 */
export const RANGE_PRESETS = [
  { id: 'last-7-days', label: 'Last 7 days' },
  { id: 'last-30-days', label: 'Last 30 days' },
  { id: 'this-month', label: 'This month' },
  { id: 'last-month', label: 'Last month' },
  { id: 'last-12-months', label: 'Last 12 months' },
] as const;

export type TRangePresetId = (typeof RANGE_PRESETS)[number]['id'];

/** The first day of the month `months` away from the one `date` is in. */
export function startOfMonth(date: string, months = 0): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return toDateString(new Date(Date.UTC(year, month - 1 + months, 1)));
}

/**
 * Every preset ends with today (`to` is tomorrow, half-open), except Last month. Last 12 months
 * starts on the 1st of the month eleven months back, so its monthly buckets are whole months and
 * the chart has no stub first bar; Last 30 days is what the API does without a range.
 */
export function presetRange(id: TRangePresetId, today: Date): TDateRange {
  const day = toDateString(today);
  const tomorrow = addDays(day, 1);
  switch (id) {
    case 'last-7-days':
      return { from: addDays(tomorrow, -7), to: tomorrow };
    case 'last-30-days':
      return { from: addDays(tomorrow, -30), to: tomorrow };
    case 'this-month':
      return { from: startOfMonth(day), to: tomorrow };
    case 'last-month':
      return { from: startOfMonth(day, -1), to: startOfMonth(day) };
    case 'last-12-months':
      return { from: startOfMonth(day, -11), to: tomorrow };
  }
}

/** The preset a range is, if any, so its button shows as chosen. */
export function matchPreset(range: TDateRange, today: Date): TRangePresetId | null {
  const match = RANGE_PRESETS.find(({ id }) => {
    const preset = presetRange(id, today);
    return preset.from === range.from && preset.to === range.to;
  });
  return match?.id ?? null;
}

/**
 * The chart's bucket size when the URL names none: days up to a month, ISO weeks up to six
 * months, months beyond — about 5 to 31 bars at any range, never hundreds.
 */
export function defaultInterval(range: TDateRange): TAnalyticsInterval {
  if (daysBetween(range.from, range.to) <= 31) return 'day';
  if (range.to <= addMonthsClamped(range.from, 6)) return 'week';
  return 'month';
}

/** Same day `months` later, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
function addMonthsClamped(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return toDateString(new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))));
}

/** The last day a half-open range counts: what a person means by "to". */
export function lastDay(range: TDateRange): string {
  return addDays(range.to, -1);
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 – 30 Nov 2026": the days a range counts, end inclusive. ICU's thin spaces made plain, so every ICU version agrees. */
export function formatRange(range: TDateRange): string {
  const first = new Date(`${range.from}T00:00:00Z`);
  const last = new Date(`${lastDay(range)}T00:00:00Z`);
  return first.getTime() === last.getTime() ? DAY.format(first) : DAY.formatRange(first, last).replace(/[\u2009\u202f]/g, ' ');
}

/** "30 days", "1 day". */
export function formatDayCount(range: TDateRange): string {
  const days = daysBetween(range.from, range.to);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
