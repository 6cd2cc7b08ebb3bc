import { describe, expect, it } from 'vitest';
import { couponApplies, type TCouponForCheck } from './coupon-applies';

const STARTER = '00000000-0000-4000-8000-000000000001';
const PRO = '00000000-0000-4000-8000-000000000003';
const at = new Date('2026-06-15T12:00:00Z');

const welcome: TCouponForCheck = {
  discountType: 'percentage',
  currency: null,
  isActive: true,
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: null,
  maxUses: null,
  currentUses: 0,
  applicablePlans: [],
};

const check = (overrides: Partial<TCouponForCheck>, invoice = { planId: STARTER, currency: 'IDR', at }) =>
  couponApplies({ ...welcome, ...overrides }, invoice);

describe('couponApplies', () => {
  it('an active, unlimited coupon for every plan applies', () => {
    expect(check({})).toEqual({ ok: true });
  });

  it('an inactive coupon does not apply', () => {
    expect(check({ isActive: false })).toEqual({ ok: false, reason: 'inactive' });
  });

  it('a coupon does not apply after valid_until has passed, but still applies at valid_until', () => {
    expect(check({ validUntil: new Date('2026-06-15T11:59:59Z') })).toEqual({ ok: false, reason: 'expired' });
    expect(check({ validUntil: at })).toEqual({ ok: true });
  });

  it('a coupon does not apply before valid_from, and applies from valid_from', () => {
    expect(check({ validFrom: new Date('2026-07-01T00:00:00Z') })).toEqual({ ok: false, reason: 'not_yet_valid' });
    expect(check({ validFrom: at })).toEqual({ ok: true });
  });

  it('a coupon at max_uses is exhausted; one below still applies', () => {
    expect(check({ maxUses: 10, currentUses: 10 })).toEqual({ ok: false, reason: 'exhausted' });
    expect(check({ maxUses: 10, currentUses: 9 })).toEqual({ ok: true });
  });

  it('applicable_plans restricts the coupon to those plans; null or empty means every plan', () => {
    expect(check({ applicablePlans: [PRO] })).toEqual({ ok: false, reason: 'plan_not_eligible' });
    expect(check({ applicablePlans: [PRO] }, { planId: PRO, currency: 'IDR', at })).toEqual({ ok: true });
    expect(check({ applicablePlans: null })).toEqual({ ok: true });
  });

  it('a fixed coupon applies only to invoices in its currency', () => {
    expect(check({ discountType: 'fixed', currency: 'IDR' })).toEqual({ ok: true });
    expect(check({ discountType: 'fixed', currency: 'USD' })).toEqual({ ok: false, reason: 'currency_mismatch' });
  });

  it('a percentage coupon applies in any currency', () => {
    expect(check({}, { planId: STARTER, currency: 'USD', at })).toEqual({ ok: true });
  });

  it('reasons follow the coupon status order: inactive before expired before exhausted', () => {
    const everything = { isActive: false, validUntil: new Date('2026-01-02T00:00:00Z'), maxUses: 1, currentUses: 1 };
    expect(check(everything)).toEqual({ ok: false, reason: 'inactive' });
    expect(check({ ...everything, isActive: true })).toEqual({ ok: false, reason: 'expired' });
    expect(check({ ...everything, isActive: true, validUntil: null })).toEqual({ ok: false, reason: 'exhausted' });
  });
});
