import { describe, expect, it } from 'vitest';
import { couponCurrency, discountIssues, durationIssues, windowIssues } from './coupon-rules';

const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);

describe('coupon rules', () => {
  it('a percentage is 1–100 with at most 2 decimals and no currency', () => {
    expect(paths(discountIssues('percentage', 1, null))).toEqual([]);
    expect(paths(discountIssues('percentage', 33.33, undefined))).toEqual([]);
    expect(paths(discountIssues('percentage', 0.99, null))).toEqual(['discount_value']);
    expect(paths(discountIssues('percentage', 33.333, null))).toEqual(['discount_value']);
    expect(paths(discountIssues('percentage', 10, 'IDR'))).toEqual(['currency']);
  });

  it('a fixed amount is above 0 with its currency’s decimals (IDR by default)', () => {
    expect(paths(discountIssues('fixed', 50000, undefined))).toEqual([]);
    expect(paths(discountIssues('fixed', 0.5, undefined))).toEqual(['discount_value']);
    expect(paths(discountIssues('fixed', 0.5, 'USD'))).toEqual([]);
    expect(paths(discountIssues('fixed', 0.005, 'USD'))).toEqual(['discount_value']);
    expect(paths(discountIssues('fixed', 0, 'USD'))).toEqual(['discount_value']);
  });

  it('without a value only the currency is judged (a partial update)', () => {
    expect(paths(discountIssues('percentage', undefined, 'USD'))).toEqual(['currency']);
    expect(paths(discountIssues('fixed', undefined, 'USD'))).toEqual([]);
  });

  it('a fixed coupon defaults to IDR; a percentage has no currency', () => {
    expect(couponCurrency('fixed', undefined)).toBe('IDR');
    expect(couponCurrency('fixed', 'USD')).toBe('USD');
    expect(couponCurrency('percentage', 'USD')).toBeNull();
  });

  it('only repeating has cycles, and it must', () => {
    expect(paths(durationIssues('repeating', null))).toEqual(['duration_in_cycles']);
    expect(paths(durationIssues('once', 2))).toEqual(['duration_in_cycles']);
    expect(paths(durationIssues('repeating', 2))).toEqual([]);
    expect(paths(durationIssues('forever', null))).toEqual([]);
  });

  it('valid_until is strictly after valid_from', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(paths(windowIssues(from, from))).toEqual(['valid_until']);
    expect(paths(windowIssues(from, new Date('2026-01-01T00:00:00.001Z')))).toEqual([]);
    expect(paths(windowIssues(from, null))).toEqual([]);
  });
});
