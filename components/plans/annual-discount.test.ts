import { describe, expect, it } from 'vitest';
import { describeAnnualDiscount } from './annual-discount';

describe('describeAnnualDiscount', () => {
  it('the seed default, annual = monthly × 10, is two months free', () => {
    expect(describeAnnualDiscount(299000, 2990000)).toEqual({ text: 'Annual = 10 × monthly: 2 months free (16.7% off)', tone: 'discount' });
  });

  it('speaks of one month in the singular and keeps fractions of months', () => {
    expect(describeAnnualDiscount(100, 1100)?.text).toBe('Annual = 11 × monthly: 1 month free (8.3% off)');
    expect(describeAnnualDiscount(100, 1050)?.text).toBe('Annual = 10.5 × monthly: 1.5 months free (12.5% off)');
    expect(describeAnnualDiscount(49.99, 499.9)?.text).toBe('Annual = 10 × monthly: 2 months free (16.7% off)');
  });

  it('flags an annual price at or above twelve monthly payments', () => {
    expect(describeAnnualDiscount(100, 1200)).toEqual({ text: 'Annual = 12 × monthly: no discount for paying yearly', tone: 'none' });
    expect(describeAnnualDiscount(100, 12000)).toEqual({ text: 'Annual = 120 × monthly: 108 months more than paying monthly (900.0% more)', tone: 'premium' });
  });

  it('has nothing to say without a valid monthly price or for a free plan', () => {
    expect(describeAnnualDiscount(0, 0)).toBeNull();
    expect(describeAnnualDiscount(Number.NaN, 1000)).toBeNull();
    expect(describeAnnualDiscount(100, undefined)).toBeNull();
    expect(describeAnnualDiscount(-1, 1000)).toBeNull();
  });
});
