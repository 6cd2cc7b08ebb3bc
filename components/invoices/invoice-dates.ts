const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Dates are shown in UTC, the zone GET /invoices reads `from`/`to` in, so a row's issued date and
// the date filters agree. Formatted by hand: ICU versions differ between Node and browsers (spaces
// around range dashes), and the server- and client-rendered text must be identical.

/** `3 Mar 2026`, or an em dash for no date. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `3 Mar 2026, 14:05 UTC`: for events where the time matters (payments, refunds). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${formatDate(iso)}, ${time} UTC`;
}

/**
 * A billing period. Whole calendar months (the product bills on the 1st) read as months —
 * `Mar 2026`, or `Mar 2026 – Feb 2027` for an annual one; any other span as dates, with the year
 * written once when both ends share it: `3 Mar – 3 Apr 2026`. The end is exclusive, as stored.
 */
export function formatPeriod(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (isMonthStart(start) && isMonthStart(end) && months >= 1) {
    const last = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
    return months === 1 ? monthYear(start) : `${monthYear(start)} – ${monthYear(last)}`;
  }
  if (start.getUTCFullYear() !== end.getUTCFullYear()) return `${formatDate(startIso)} – ${formatDate(endIso)}`;
  return `${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} – ${formatDate(endIso)}`;
}

function isMonthStart(date: Date): boolean {
  return date.getUTCDate() === 1 && date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

function monthYear(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
