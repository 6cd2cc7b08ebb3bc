import { describe, expect, it } from 'vitest';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import { changedFields, couponToFormValues, duplicateFormValues, isoToUtcInput, suggestCode, utcInputToIso } from './coupon-form-values';

const coupon: TCoupon = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'WELCOME20',
  discount_type: 'percentage',
  discount_value: 20,
  currency: null,
  duration: 'once',
  duration_in_cycles: null,
  max_uses: 100,
  current_uses: 0,
  valid_from: '2026-01-01T00:00:00.000Z',
  valid_until: '2026-03-31T23:59:59.999Z',
  applicable_plans: ['a', 'b'],
  is_active: true,
  created_at: '2025-12-29T00:00:00.000Z',
  status: 'active',
};

describe('changedFields', () => {
  it('an untouched form changes nothing', () => {
    expect(changedFields(couponToFormValues(coupon), coupon)).toEqual({});
  });

  it('sends only what changed; plan order does not matter', () => {
    const values = { ...couponToFormValues(coupon), max_uses: null, applicable_plans: ['b', 'a'] };
    expect(changedFields(values, coupon)).toEqual({ max_uses: null });
  });

  it('a discount change sends type, value and currency together', () => {
    const values = { ...couponToFormValues(coupon), discount_type: 'fixed' as const, discount_value: 50000, currency: undefined };
    expect(changedFields(values, coupon)).toEqual({ discount_type: 'fixed', discount_value: 50000, currency: 'IDR' });
  });

  it('never sends the code or discount of a used coupon', () => {
    const used = { ...coupon, current_uses: 3 };
    const values = { ...couponToFormValues(used), code: 'OTHER', discount_value: 30, max_uses: 200 };
    expect(changedFields(values, used)).toEqual({ max_uses: 200 });
  });

  it('a code differing only in case is not a change', () => {
    expect(changedFields({ ...couponToFormValues(coupon), code: 'welcome20' }, coupon)).toEqual({});
  });
});

describe('duplicating a coupon', () => {
  it('suggests the next free -Vn code within 32 characters', () => {
    expect(suggestCode('WELCOME20', [])).toBe('WELCOME20-V2');
    expect(suggestCode('WELCOME20-V2', ['WELCOME20-V2', 'welcome20-v3'])).toBe('WELCOME20-V4');
    expect(suggestCode('X'.repeat(32), [])).toHaveLength(32);
  });

  it('restarts the window now and drops an end date that has passed', () => {
    const copy = duplicateFormValues(coupon, [], new Date('2026-06-01T00:00:00Z'));
    expect(copy).toMatchObject({ code: 'WELCOME20-V2', valid_from: undefined, valid_until: null, discount_value: 20, max_uses: 100 });
    expect(duplicateFormValues(coupon, [], new Date('2026-02-01T00:00:00Z')).valid_until).toBe(coupon.valid_until);
  });
});

describe('UTC date inputs', () => {
  it('round-trips an ISO timestamp through the minute-precision input', () => {
    expect(isoToUtcInput('2026-01-31T17:45:00.000Z')).toBe('2026-01-31T17:45');
    expect(utcInputToIso('2026-01-31T17:45')).toBe('2026-01-31T17:45:00.000Z');
    expect(utcInputToIso('')).toBeNull();
  });
});
