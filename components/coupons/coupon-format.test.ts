import { describe, expect, it } from 'vitest';
import { formatDiscount, formatDuration, formatUsage, formatWindow } from './coupon-format';

describe('coupon formatting', () => {
  it('a percentage reads "20%" and "12.5%"', () => {
    expect(formatDiscount({ discount_type: 'percentage', discount_value: 20, currency: null })).toBe('20%');
    expect(formatDiscount({ discount_type: 'percentage', discount_value: 12.5, currency: null })).toBe('12.5%');
  });

  it('a fixed amount reads in its currency, "Rp 100.000"', () => {
    expect(formatDiscount({ discount_type: 'fixed', discount_value: 100000, currency: 'IDR' })).toBe('Rp 100.000');
    expect(formatDiscount({ discount_type: 'fixed', discount_value: 9.5, currency: 'USD' })).toBe('$9.50');
  });

  it('usage is current/max with ∞ when unlimited', () => {
    expect(formatUsage({ current_uses: 3, max_uses: 10 })).toBe('3/10');
    expect(formatUsage({ current_uses: 0, max_uses: null })).toBe('0/∞');
  });

  it('duration names the number of invoices a repeating coupon covers', () => {
    expect(formatDuration({ duration: 'once', duration_in_cycles: null })).toBe('Once');
    expect(formatDuration({ duration: 'repeating', duration_in_cycles: 3 })).toBe('3 invoices');
    expect(formatDuration({ duration: 'forever', duration_in_cycles: null })).toBe('Forever');
  });

  it('the validity window is in UTC, open-ended when valid_until is null', () => {
    expect(formatWindow({ valid_from: '2026-01-01T00:00:00.000Z', valid_until: '2026-03-31T23:59:59.999Z' })).toBe('1 Jan 2026 → 31 Mar 2026');
    expect(formatWindow({ valid_from: '2026-01-01T00:00:00.000Z', valid_until: null })).toBe('1 Jan 2026 → no end');
  });
});
