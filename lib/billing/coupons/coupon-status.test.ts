import { describe, expect, it } from 'vitest';
import { couponStatus } from './coupon-status';

const at = new Date('2026-06-15T12:00:00Z');
const base = {
  isActive: true,
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: null as Date | null,
  maxUses: null as number | null,
  currentUses: 0,
};
const status = (overrides: Partial<typeof base>) => couponStatus({ ...base, ...overrides }, at);

describe('couponStatus', () => {
  it('an active coupon inside its window with uses left is active', () => {
    expect(status({ maxUses: 10, currentUses: 9, validUntil: new Date('2026-12-31T00:00:00Z') })).toBe('active');
  });

  it('a deactivated coupon is inactive, whatever else holds', () => {
    expect(status({ isActive: false, validUntil: new Date('2026-02-01T00:00:00Z'), maxUses: 1, currentUses: 1 })).toBe('inactive');
  });

  it('a coupon whose valid_until has passed is expired, before exhausted and scheduled', () => {
    expect(status({ validUntil: new Date('2026-06-15T11:59:59Z'), maxUses: 1, currentUses: 1 })).toBe('expired');
  });

  it('a coupon is still valid at the very moment of valid_until', () => {
    expect(status({ validUntil: at })).toBe('active');
  });

  it('a coupon with current_uses = max_uses is exhausted, before scheduled', () => {
    expect(status({ maxUses: 3, currentUses: 3, validFrom: new Date('2026-07-01T00:00:00Z') })).toBe('exhausted');
  });

  it('an unlimited coupon is never exhausted', () => {
    expect(status({ maxUses: null, currentUses: 1_000_000 })).toBe('active');
  });

  it('a coupon whose valid_from is in the future is scheduled', () => {
    expect(status({ validFrom: new Date('2026-06-15T12:00:01Z') })).toBe('scheduled');
  });

  it('a coupon is valid from the very moment of valid_from', () => {
    expect(status({ validFrom: at })).toBe('active');
  });
});
