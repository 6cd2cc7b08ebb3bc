// Dates on documents, written on the server only (the PDF and the printable page are both
// server-rendered), in UTC like everything the API returns.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
// Stryker disable next-line ArrayDeclaration: the test machines' default locale is English already; the explicit 'en' keeps names English on a server set to another
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** `3 Mar 2026`, or an em dash for no date. */
export function documentDate(iso: string | null): string {
  return iso ? DATE.format(new Date(iso)) : '—';
}

/** A billing period with its last day, not the exclusive end it is stored with: `1 Oct 2026 – 31 Oct 2026`. */
export function documentPeriod(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const lastDay = end.getTime() > start.getTime() ? new Date(end.getTime() - 1) : end;
  return `${DATE.format(start)} – ${DATE.format(lastDay)}`;
}

/** Address lines (each line of a multi-line address apart), then the country's name. */
export function partyDetails(lines: (string | null | undefined)[], country?: string): string[] {
  const written = lines.flatMap((line) => (line ?? '').split('\n')).map((line) => line.trim()).filter(Boolean);
  if (country) written.push(REGIONS.of(country.toUpperCase()) ?? country);
  return written;
}
