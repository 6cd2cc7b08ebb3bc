import { describe, expect, it } from 'vitest';
import type { Addon, Coupon, Plan } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { couponFits, mrrOf, periodInvoice, recurringPerMonth, type TItems } from './price-items';

const dec = (value: string) => new Decimal(value) as unknown as Plan['basePriceMonthly'];
const plan = {
  id: 'p1', name: 'Growth', currency: 'IDR', basePriceMonthly: dec('500000'), basePriceAnnual: dec('4800000'), perAgentPrice: dec('100000'), overageMessagePrice: dec('150'),
  limits: { max_agents: 2, max_messages_month: 1000 },
} as unknown as Plan;
const addon = (over: Partial<Addon>) => ({ id: 'a1', name: 'Recording', unit: 'flat', currency: 'IDR', priceMonthly: dec('50000'), priceAnnual: dec('480000'), ...over }) as Addon;
const items = (over: Partial<TItems> = {}): TItems => ({ plan, billingCycle: 'monthly', agentCount: 3, addons: [{ addon: addon({}), quantity: 2 }], ...over });
const coupon = (over: Partial<Coupon>) => ({
  id: 'c1', code: 'HEMAT', discountType: 'percentage', discountValue: dec('10'), currency: null, duration: 'forever', durationInCycles: null, applicablePlans: [], ...over,
}) as Coupon;

describe('periodInvoice', () => {
  it('prices one full period of the items with the invoice engine: base, extra agents, add-ons, no usage', () => {
    const invoice = periodInvoice(items(), 'IDR', null, '0.11');
    expect(invoice.lines.map((line) => [line.kind, line.description, line.amount.toString()])).toEqual([
      ['plan_base', 'Growth (monthly)', '500000'],
      ['per_agent', 'Additional agents beyond 2 included', '100000'],
      ['addon', 'Recording', '100000'],
      ['tax', 'Tax (11%)', '77000'],
    ]);
    expect(invoice.lines[2]!.addonId).toBe('a1');
  });

  it('leaves out add-ons priced in another currency than the subscription', () => {
    const invoice = periodInvoice(items({ addons: [{ addon: addon({ currency: 'USD' }), quantity: 1 }] }), 'IDR', null, 0);
    expect(invoice.lines.map((line) => line.kind)).toEqual(['plan_base', 'per_agent']);
  });

  it('applies the coupon it is given', () => {
    expect(periodInvoice(items(), 'IDR', { code: 'HEMAT', discountType: 'percentage', discountValue: '10', currency: null }, 0).discountTotal.toString()).toBe('70000');
  });
});

describe('recurringPerMonth', () => {
  it('is the recurring amount before discounts, an annual one divided by 12', () => {
    expect(recurringPerMonth(items(), 'IDR').toString()).toBe('700000');
    // annual: 4,800,000 + 1 × 100,000 × 12 + 2 × 480,000 = 6,960,000 → 580,000 a month
    expect(recurringPerMonth(items({ billingCycle: 'annual' }), 'IDR').toString()).toBe('580000');
  });
});

describe('couponFits', () => {
  it('an unrestricted percentage coupon fits every plan and currency', () => {
    expect(couponFits(coupon({}), 'p1', 'USD')).toBe(true);
  });

  it('a coupon restricted to plans fits only those plans', () => {
    expect(couponFits(coupon({ applicablePlans: ['p1', 'p9'] }), 'p1', 'IDR')).toBe(true);
    expect(couponFits(coupon({ applicablePlans: ['p9'] }), 'p1', 'IDR')).toBe(false);
  });

  it('a fixed coupon fits only invoices in its own currency', () => {
    expect(couponFits(coupon({ discountType: 'fixed', currency: 'IDR' }), 'p1', 'IDR')).toBe(true);
    expect(couponFits(coupon({ discountType: 'fixed', currency: 'IDR' }), 'p1', 'USD')).toBe(false);
  });
});

describe('mrrOf', () => {
  it('is the recurring amount per month after a coupon that keeps applying, rounded to the currency', () => {
    expect(mrrOf(items(), 'IDR', null, 0).toString()).toBe('700000');
    expect(mrrOf(items(), 'IDR', coupon({}), 5).toString()).toBe('630000');
    expect(mrrOf(items({ billingCycle: 'annual', agentCount: 2, addons: [{ addon: addon({ priceAnnual: dec('100') }), quantity: 1 }] }), 'IDR', null, 0).toString()).toBe('400008'); // 4,800,100 ÷ 12 = 400,008.33
  });

  it('a coupon that ends (once, or repeating with no cycles left) does not lower MRR; one with cycles left does', () => {
    expect(mrrOf(items(), 'IDR', coupon({ duration: 'once' }), 0).toString()).toBe('700000');
    expect(mrrOf(items(), 'IDR', coupon({ duration: 'repeating', durationInCycles: 3 }), 3).toString()).toBe('700000');
    expect(mrrOf(items(), 'IDR', coupon({ duration: 'repeating', durationInCycles: 3 }), 2).toString()).toBe('630000');
  });

  it('a coupon that does not fit the plan or currency does not lower MRR', () => {
    expect(mrrOf(items(), 'IDR', coupon({ applicablePlans: ['p9'] }), 0).toString()).toBe('700000');
    expect(mrrOf(items(), 'IDR', coupon({ discountType: 'fixed', discountValue: dec('1000'), currency: 'USD' }), 0).toString()).toBe('700000');
  });
});
