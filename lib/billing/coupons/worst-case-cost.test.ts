import { describe, expect, it } from 'vitest';
import { worstCaseCost, type TWorstCaseInput } from './worst-case-cost';

const plans = [
  { id: 'starter', name: 'Starter', currency: 'IDR', base_price_monthly: 299000 },
  { id: 'growth', name: 'Growth', currency: 'IDR', base_price_monthly: 799000 },
  { id: 'global', name: 'Global', currency: 'USD', base_price_monthly: 49.99 },
];
const base: TWorstCaseInput = { discountType: 'percentage', discountValue: 20, currency: null, maxUses: 10, applicablePlanIds: [], plans };
const summary = (input: Partial<TWorstCaseInput>) =>
  worstCaseCost({ ...base, ...input }).map((line) => [line.planName, line.currency, line.perUse.toString(), line.total?.toString() ?? null]);

describe('worstCaseCost', () => {
  it('a percentage costs value% × monthly price × max uses, for every plan when none is named', () => {
    expect(summary({})).toEqual([
      ['Starter', 'IDR', '59800', '598000'],
      ['Growth', 'IDR', '159800', '1598000'],
      ['Global', 'USD', '10', '100'],
    ]);
  });

  it('a restricted percentage is estimated on its plans only, rounded to each currency', () => {
    expect(summary({ discountValue: 12.5, applicablePlanIds: ['global'] })).toEqual([['Global', 'USD', '6.25', '62.5']]);
  });

  it('a fixed coupon costs value × max uses in its currency', () => {
    expect(summary({ discountType: 'fixed', discountValue: 100000, currency: 'IDR', maxUses: 50 })).toEqual([[null, 'IDR', '100000', '5000000']]);
  });

  it('a fixed coupon without a currency is estimated in IDR, the product currency', () => {
    expect(summary({ discountType: 'fixed', discountValue: 50000, currency: null, maxUses: 2 })).toEqual([[null, 'IDR', '50000', '100000']]);
  });

  it('without max_uses the total is unbounded (null)', () => {
    expect(summary({ discountType: 'fixed', discountValue: 100000, currency: 'IDR', maxUses: null })).toEqual([[null, 'IDR', '100000', null]]);
  });

  it('an empty or invalid value estimates nothing', () => {
    expect(summary({ discountValue: Number.NaN })).toEqual([]);
    expect(summary({ discountValue: 0 })).toEqual([]);
    expect(summary({ discountValue: -10 })).toEqual([]);
    expect(summary({ discountType: 'fixed', discountValue: Number.POSITIVE_INFINITY, currency: 'IDR' })).toEqual([]);
  });
});
