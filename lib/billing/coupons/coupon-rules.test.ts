import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT } from '@/lib/money';
import { couponCurrency, discountIssues, durationIssues, windowIssues } from './coupon-rules';

const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);
const OUT_OF_RANGE = [{ path: 'discount_value', message: 'A percentage is between 1 and 100.' }];

describe('coupon rules', () => {
  it('a percentage is 1–100 with at most 2 decimals and no currency', () => {
    expect(paths(discountIssues('percentage', 1, null))).toEqual([]);
    expect(paths(discountIssues('percentage', 33.33, undefined))).toEqual([]);
    expect(paths(discountIssues('percentage', 0.99, null))).toEqual(['discount_value']);
    expect(paths(discountIssues('percentage', 33.333, null))).toEqual(['discount_value']);
    expect(paths(discountIssues('percentage', 10, 'IDR'))).toEqual(['currency']);
  });

  it('a percentage of exactly 100 is allowed; 100.01, NaN and Infinity are refused as out of range', () => {
    expect(discountIssues('percentage', 100, null)).toEqual([]);
    expect(discountIssues('percentage', 100.01, null)).toEqual(OUT_OF_RANGE);
    expect(discountIssues('percentage', 0, null)).toEqual(OUT_OF_RANGE);
    expect(discountIssues('percentage', Number.NaN, null)).toEqual(OUT_OF_RANGE);
    expect(discountIssues('percentage', Number.POSITIVE_INFINITY, null)).toEqual(OUT_OF_RANGE);
  });

  it('says why a percentage is refused: too many decimals, or a currency it cannot have', () => {
    expect(discountIssues('percentage', 12.555, null)).toEqual([
      { path: 'discount_value', message: 'A percentage has at most 2 decimals (e.g. 12.5).' },
    ]);
    expect(discountIssues('percentage', 10, 'USD')).toEqual([
      { path: 'currency', message: 'A percentage coupon has no currency: leave it out or send null.' },
    ]);
  });

  it('a fixed amount is above 0 with its currency’s decimals (IDR by default)', () => {
    expect(paths(discountIssues('fixed', 50000, undefined))).toEqual([]);
    expect(paths(discountIssues('fixed', 0.5, undefined))).toEqual(['discount_value']);
    expect(paths(discountIssues('fixed', 0.5, 'USD'))).toEqual([]);
    expect(paths(discountIssues('fixed', 0.005, 'USD'))).toEqual(['discount_value']);
    expect(paths(discountIssues('fixed', 0, 'USD'))).toEqual(['discount_value']);
  });

  it('says why a fixed amount is refused: not above 0 (NaN and negatives too), or too many decimals for its currency', () => {
    const notPositive = [{ path: 'discount_value', message: 'A fixed discount is more than 0.' }];
    expect(discountIssues('fixed', -1, 'IDR')).toEqual(notPositive);
    expect(discountIssues('fixed', Number.NaN, 'IDR')).toEqual(notPositive);
    expect(discountIssues('fixed', 1.5, null)).toEqual([{ path: 'discount_value', message: 'IDR amounts are whole numbers.' }]);
    expect(discountIssues('fixed', 1.005, 'USD')).toEqual([{ path: 'discount_value', message: 'USD amounts have at most 2 decimals.' }]);
  });

  it('a fixed amount numeric(18,4) cannot hold with room for sums (above 10^14 − 1) is too large; the ceiling itself is allowed', () => {
    expect(discountIssues('fixed', MAX_AMOUNT.toNumber(), 'IDR')).toEqual([]);
    expect(discountIssues('fixed', MAX_AMOUNT.plus(1).toNumber(), 'IDR')).toEqual([{ path: 'discount_value', message: 'Too large.' }]);
    expect(discountIssues('fixed', 1e20, 'USD')).toEqual([{ path: 'discount_value', message: 'Too large.' }]);
  });

  it('a currency the product does not know is not judged here (the schema refuses it)', () => {
    expect(discountIssues('fixed', 1.12345, 'XYZ')).toEqual([]);
  });

  it('without a value only the currency is judged (a partial update)', () => {
    expect(paths(discountIssues('percentage', undefined, 'USD'))).toEqual(['currency']);
    expect(paths(discountIssues('percentage', undefined, null))).toEqual([]);
    expect(paths(discountIssues('fixed', undefined, 'USD'))).toEqual([]);
  });

  it('a fixed coupon defaults to IDR; a percentage has no currency', () => {
    expect(couponCurrency('fixed', undefined)).toBe('IDR');
    expect(couponCurrency('fixed', null)).toBe('IDR');
    expect(couponCurrency('fixed', 'USD')).toBe('USD');
    expect(couponCurrency('percentage', 'USD')).toBeNull();
  });

  it('only repeating has cycles, and it must', () => {
    expect(paths(durationIssues('repeating', null))).toEqual(['duration_in_cycles']);
    expect(paths(durationIssues('once', 2))).toEqual(['duration_in_cycles']);
    expect(paths(durationIssues('repeating', 2))).toEqual([]);
    expect(paths(durationIssues('forever', null))).toEqual([]);
  });

  it('an omitted duration_in_cycles (undefined) counts as absent, as null does', () => {
    expect(durationIssues('once', undefined)).toEqual([]);
    expect(durationIssues('forever', undefined)).toEqual([]);
    expect(durationIssues('repeating', undefined)).toEqual([
      { path: 'duration_in_cycles', message: 'A repeating coupon needs the number of invoices it covers.' },
    ]);
    expect(durationIssues('forever', 3)).toEqual([{ path: 'duration_in_cycles', message: 'Only a repeating coupon has a number of cycles.' }]);
  });

  it('valid_until is strictly after valid_from', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(windowIssues(from, from)).toEqual([{ path: 'valid_until', message: 'Must be after the start of validity.' }]);
    expect(paths(windowIssues(from, new Date('2025-12-31T23:59:59.999Z')))).toEqual(['valid_until']);
    expect(paths(windowIssues(from, new Date('2026-01-01T00:00:00.001Z')))).toEqual([]);
    expect(paths(windowIssues(from, null))).toEqual([]);
  });
});
