import { describe, expect, it } from 'vitest';
import { annualDiscount, describeAnnualDiscount } from './annual-discount';

describe('annualDiscount', () => {
  it('the default annual price (monthly × 10) is 2 months free', () => {
    const discount = annualDiscount(150000, undefined);
    expect(discount?.isDefault).toBe(true);
    expect(discount?.annual.toString()).toBe('1500000');
    expect(describeAnnualDiscount(discount!, 'IDR')).toBe('2 months free (17% off, saves Rp 300.000 a year)');
  });

  it('an explicit annual price gives fractional months and singular wording', () => {
    expect(annualDiscount(100000, 1050000)?.monthsFree.toString()).toBe('1.5');
    expect(describeAnnualDiscount(annualDiscount(100000, 1100000)!, 'IDR')).toMatch(/^1 month free/);
  });

  it('says nothing without a discount or without a monthly price', () => {
    expect(annualDiscount(100000, 1200000)).toBeNull();
    expect(annualDiscount(100000, 1300000)).toBeNull();
    expect(annualDiscount(undefined, 1000000)).toBeNull();
    expect(annualDiscount(0, undefined)).toBeNull();
    expect(annualDiscount(Number.NaN, undefined)).toBeNull();
  });

  it('uses decimal arithmetic: no float residue', () => {
    expect(annualDiscount(0.1, 0.3)?.savings.toString()).toBe('0.9');
  });
});
