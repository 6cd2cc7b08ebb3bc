import type { BadgeTone } from '@/components/ui/badge';
import type { TCouponStatus } from '@/lib/billing/coupons/coupon-status';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import { formatMoney } from '@/lib/money-format';

/** How the console writes a coupon's fields. Dates are UTC, as the API stores them, so server and browser render alike. */
type TDiscount = Pick<TCoupon, 'discount_type' | 'discount_value' | 'currency'>;

export function formatDiscount(coupon: TDiscount): string {
  return coupon.discount_type === 'percentage' ? `${coupon.discount_value}%` : formatMoney(String(coupon.discount_value), coupon.currency ?? 'IDR');
}

export function formatDuration(coupon: Pick<TCoupon, 'duration' | 'duration_in_cycles'>): string {
  if (coupon.duration === 'once') return 'Once';
  if (coupon.duration === 'forever') return 'Forever';
  const cycles = coupon.duration_in_cycles ?? 0;
  return `${cycles} ${cycles === 1 ? 'invoice' : 'invoices'}`;
}

export function formatUsage(coupon: Pick<TCoupon, 'current_uses' | 'max_uses'>): string {
  return `${coupon.current_uses}/${coupon.max_uses ?? '∞'}`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

export function formatWindow(coupon: Pick<TCoupon, 'valid_from' | 'valid_until'>): string {
  return `${formatDate(coupon.valid_from)} → ${coupon.valid_until ? formatDate(coupon.valid_until) : 'no end'}`;
}

export const STATUS_LABELS: Record<TCouponStatus, string> = {
  active: 'Active',
  scheduled: 'Scheduled',
  exhausted: 'Exhausted',
  expired: 'Expired',
  inactive: 'Inactive',
};

export const STATUS_TONES: Record<TCouponStatus, BadgeTone> = {
  active: 'success',
  scheduled: 'info',
  exhausted: 'warning',
  expired: 'neutral',
  inactive: 'neutral',
};
