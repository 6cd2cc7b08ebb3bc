import { describe, expect, it } from 'vitest';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import { filterCoupons, nextSort, sortCoupons } from './coupon-list-view';

let n = 0;
const coupon = (overrides: Partial<TCoupon>): TCoupon => ({
  id: `00000000-0000-4000-8000-00000000000${++n}`,
  code: 'CODE',
  discount_type: 'percentage',
  discount_value: 10,
  currency: null,
  duration: 'once',
  duration_in_cycles: null,
  max_uses: null,
  current_uses: 0,
  valid_from: '2026-01-01T00:00:00.000Z',
  valid_until: null,
  applicable_plans: [],
  is_active: true,
  created_at: `2026-01-0${n}T00:00:00.000Z`,
  status: 'active',
  ...overrides,
});

const welcome = coupon({ code: 'WELCOME20', discount_value: 20 });
const hemat = coupon({ code: 'HEMAT100K', discount_type: 'fixed', discount_value: 100000, currency: 'IDR', current_uses: 7, status: 'exhausted' });
const launch = coupon({ code: 'LAUNCH50', discount_value: 50, status: 'inactive', current_uses: 2 });
const all = [launch, hemat, welcome];
const codes = (list: TCoupon[]) => list.map((item) => item.code);

describe('coupon table view', () => {
  it('filters by status and by a case-insensitive code search', () => {
    expect(codes(filterCoupons(all, { status: 'exhausted', query: '' }))).toEqual(['HEMAT100K']);
    expect(codes(filterCoupons(all, { status: 'all', query: ' wel ' }))).toEqual(['WELCOME20']);
    expect(filterCoupons(all, { status: 'scheduled', query: '' })).toEqual([]);
  });

  it('sorts by code, usage and status, both ways', () => {
    expect(codes(sortCoupons(all, { key: 'code', direction: 'asc' }))).toEqual(['HEMAT100K', 'LAUNCH50', 'WELCOME20']);
    expect(codes(sortCoupons(all, { key: 'usage', direction: 'desc' }))).toEqual(['HEMAT100K', 'LAUNCH50', 'WELCOME20']);
    expect(codes(sortCoupons(all, { key: 'status', direction: 'asc' }))).toEqual(['WELCOME20', 'HEMAT100K', 'LAUNCH50']);
  });

  it('groups discounts by type before comparing values', () => {
    expect(codes(sortCoupons(all, { key: 'discount', direction: 'asc' }))).toEqual(['HEMAT100K', 'WELCOME20', 'LAUNCH50']);
  });

  it('the default order is newest first', () => {
    expect(codes(sortCoupons(all, { key: 'created', direction: 'desc' }))).toEqual(['LAUNCH50', 'HEMAT100K', 'WELCOME20']);
  });

  it('clicking a column sorts it ascending, clicking again flips it', () => {
    expect(nextSort({ key: 'created', direction: 'desc' }, 'code')).toEqual({ key: 'code', direction: 'asc' });
    expect(nextSort({ key: 'code', direction: 'asc' }, 'code')).toEqual({ key: 'code', direction: 'desc' });
  });
});
