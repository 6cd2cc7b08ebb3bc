/**
 * Billing-period arithmetic (SPEC §10–§11), pure. A subscription's periods are anchored on the
 * moment it started: each period ends one cycle (a calendar month or year, UTC) after it starts,
 * on the anchor's day of month, clamped to the month's last day (anchored on Jan 31: Feb 28/29,
 * Mar 31, Apr 30, …). Periods never drift: the n-th period is computed from the anchor, not
 * from the previous period's end, so a short February does not shorten every later period.
 * Proration counts whole UTC days (SPEC §10).
 */
export type TBillingCycle = 'monthly' | 'annual';

export const DAY_MS = 86_400_000;

/** The anchor plus `months` calendar months (UTC), on the anchor's day, clamped to the month's end. */
export function addMonthsClamped(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(anchor.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()),
  );
}

export function cycleMonths(cycle: TBillingCycle): number {
  return cycle === 'annual' ? 12 : 1;
}

/** Start and end of the `index`-th period (0 = the first) of a subscription anchored at `anchor`. */
export function nthPeriod(anchor: Date, cycle: TBillingCycle, index: number): { start: Date; end: Date } {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`period index must be a non-negative integer, got ${index}`);
  const months = cycleMonths(cycle);
  return { start: addMonthsClamped(anchor, index * months), end: addMonthsClamped(anchor, (index + 1) * months) };
}

/** The period that follows the one starting at `periodStart` (anchored at `anchor`). */
export function nextPeriod(anchor: Date, cycle: TBillingCycle, periodStart: Date): { start: Date; end: Date } {
  return nthPeriod(anchor, cycle, periodIndex(anchor, cycle, periodStart) + 1);
}

/** Which period (0-based) of the anchor's schedule starts at `periodStart`; throws when none does. */
export function periodIndex(anchor: Date, cycle: TBillingCycle, periodStart: Date): number {
  const months = cycleMonths(cycle);
  const roughMonths =
    (periodStart.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (periodStart.getUTCMonth() - anchor.getUTCMonth());
  const index = Math.round(roughMonths / months);
  // Stryker disable next-line ArithmeticOperator: a period start's month is exact (only its day is clamped), so `index` itself matches; its neighbours are a safety net no schedule reaches
  for (const candidate of [index, index - 1, index + 1]) {
    if (candidate >= 0 && nthPeriod(anchor, cycle, candidate).start.getTime() === periodStart.getTime()) return candidate;
  }
  throw new RangeError(`${periodStart.toISOString()} is not a period start of a ${cycle} schedule anchored at ${anchor.toISOString()}`);
}

/** Whole UTC days between two instants' UTC dates (`to` exclusive): 2026-01-01 → 2026-02-01 is 31. */
export function wholeDaysBetween(from: Date, to: Date): number {
  const fromDay = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const toDay = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.round((toDay - fromDay) / DAY_MS);
}
