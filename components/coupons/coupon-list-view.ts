import type { TCouponStatus } from '@/lib/billing/coupons/coupon-status';
import type { TCoupon } from '@/lib/billing/coupons/schemas';

/** Filtering and sorting of the coupon table, pure (the list is small: SPEC §3.2a, a plain array). */
export type TCouponSortKey = 'code' | 'discount' | 'usage' | 'validity' | 'status' | 'created';
export type TCouponSort = { key: TCouponSortKey; direction: 'asc' | 'desc' };
export type TCouponFilter = { status: TCouponStatus | 'all'; query: string };

export const DEFAULT_SORT: TCouponSort = { key: 'created', direction: 'desc' };

// Live ones first, then those that cannot be used.
const STATUS_ORDER: Record<TCouponStatus, number> = { active: 0, scheduled: 1, exhausted: 2, expired: 3, inactive: 4 };

const COMPARE: Record<TCouponSortKey, (a: TCoupon, b: TCoupon) => number> = {
  code: (a, b) => a.code.localeCompare(b.code),
  // Percentages and amounts are not comparable: group by type, then by value.
  discount: (a, b) => a.discount_type.localeCompare(b.discount_type) || (a.currency ?? '').localeCompare(b.currency ?? '') || a.discount_value - b.discount_value,
  usage: (a, b) => a.current_uses - b.current_uses,
  validity: (a, b) => a.valid_from.localeCompare(b.valid_from),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  created: (a, b) => a.created_at.localeCompare(b.created_at),
};

export function filterCoupons(coupons: readonly TCoupon[], filter: TCouponFilter): TCoupon[] {
  const query = filter.query.trim().toUpperCase();
  return coupons.filter((coupon) => (filter.status === 'all' || coupon.status === filter.status) && (!query || coupon.code.includes(query)));
}

export function sortCoupons(coupons: readonly TCoupon[], sort: TCouponSort): TCoupon[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Ties keep newest first, so a sort never shuffles equal rows between renders.
  return [...coupons].sort((a, b) => sign * COMPARE[sort.key](a, b) || COMPARE.created(b, a) || a.id.localeCompare(b.id));
}

/** Clicking the sorted column flips it; another column starts ascending (dates newest first). */
export function nextSort(current: TCouponSort, key: TCouponSortKey): TCouponSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'created' || key === 'validity' ? 'desc' : 'asc' };
}
