import type { BadgeTone } from '@/components/ui/badge';
import type { TApiKeyRole } from '@/lib/auth/api-keys/schemas';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const ROLE_LABELS: Record<TApiKeyRole, string> = { super_admin: 'Super-admin', admin: 'Admin', support: 'Support' };
export const ROLE_TONES: Record<TApiKeyRole, BadgeTone> = { super_admin: 'violet', admin: 'info', support: 'neutral' };

// Formatted by hand, in UTC: the server- and browser-rendered text must be identical, and ICU
// output (Intl) differs between Node and browsers.

/** `3 Mar 2026` */
export function formatKeyDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `3 Mar 2026, 14:05 UTC`, for tooltips. */
export function formatKeyDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${formatKeyDate(iso)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `just now`, `5 minutes ago`, `3 days ago`; past a month, the date. `now` comes from the server render. */
export function formatRelative(iso: string, now: string): string {
  const elapsed = Math.max(0, new Date(now).getTime() - new Date(iso).getTime());
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return ago(Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return ago(Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 30 * DAY) return ago(Math.floor(elapsed / DAY), 'day');
  return formatKeyDate(iso);
}

const ago = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;

/** What a list shows of a key: its stored prefix and an ellipsis, never more of the secret. */
export const maskedKey = (prefix: string) => `${prefix}…`;
