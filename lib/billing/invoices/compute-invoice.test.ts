import { describe, expect, it } from 'vitest';
import { computeInvoice, type TComputeInvoiceInput, type TInvoicePlan } from './compute-invoice';

// A Growth-like IDR plan: 5 agents and 10.000 messages a month included.
const growth: TInvoicePlan = {
  name: 'Growth',
  basePriceMonthly: '799000',
  basePriceAnnual: '7990000',
  perAgentPrice: '99000',
  overageMessagePrice: '250',
  limits: { max_agents: 5, max_messages_month: 10_000 },
};

function invoice(overrides: Partial<TComputeInvoiceInput> = {}) {
  return computeInvoice({
    currency: 'IDR',
    billingCycle: 'monthly',
    plan: growth,
    agentCount: 3,
    messagesUsed: 5_000,
    taxRate: '0.11',
    ...overrides,
  });
}

function amounts(result: ReturnType<typeof computeInvoice>) {
  return result.lines.map((line) => [line.kind, line.quantity, line.unitAmount.toFixed(), line.amount.toFixed()]);
}

describe('computeInvoice', () => {
  it('charges the monthly base price plus tax when usage is within the plan', () => {
    const result = invoice();
    expect(amounts(result)).toEqual([
      ['plan_base', 1, '799000', '799000'],
      ['tax', 1, '87890', '87890'],
    ]);
    expect(result.subtotal.toFixed()).toBe('799000');
    expect(result.total.toFixed()).toBe('886890');
  });

  it('charges the annual base price on an annual invoice', () => {
    expect(invoice({ billingCycle: 'annual' }).lines[0]!.amount.toFixed()).toBe('7990000');
  });

  it('charges agents beyond max_agents at the per-agent price per month', () => {
    const line = invoice({ agentCount: 8 }).lines.find((l) => l.kind === 'per_agent');
    expect([line?.quantity, line?.unitAmount.toFixed(), line?.amount.toFixed()]).toEqual([3, '99000', '297000']);
  });

  it('charges extra agents for 12 months on an annual invoice', () => {
    const line = invoice({ billingCycle: 'annual', agentCount: 8 }).lines.find((l) => l.kind === 'per_agent');
    expect([line?.quantity, line?.unitAmount.toFixed(), line?.amount.toFixed()]).toEqual([3, '1188000', '3564000']);
  });

  it('includes every agent when max_agents is null (unlimited)', () => {
    const plan = { ...growth, limits: { max_agents: null, max_messages_month: 10_000 } };
    expect(invoice({ plan, agentCount: 500 }).lines.some((l) => l.kind === 'per_agent')).toBe(false);
  });

  it('charges messages beyond max_messages_month at the overage price on a monthly invoice', () => {
    const line = invoice({ messagesUsed: 12_345 }).lines.find((l) => l.kind === 'overage');
    expect([line?.quantity, line?.unitAmount.toFixed(), line?.amount.toFixed()]).toEqual([2345, '250', '586250']);
  });

  it('puts no overage line on an annual invoice (annual overage is billed monthly elsewhere)', () => {
    expect(invoice({ billingCycle: 'annual', messagesUsed: 99_999 }).lines.some((l) => l.kind === 'overage')).toBe(false);
  });

  it('charges no overage when max_messages_month is null (unlimited)', () => {
    const plan = { ...growth, limits: { max_agents: 5, max_messages_month: null } };
    expect(invoice({ plan, messagesUsed: 9_000_000 }).lines.some((l) => l.kind === 'overage')).toBe(false);
  });

  it('rounds an overage line half-up as a whole, keeping the exact unit price', () => {
    const plan = { ...growth, overageMessagePrice: '150.5' };
    const line = invoice({ plan, messagesUsed: 10_003 }).lines.find((l) => l.kind === 'overage');
    expect([line?.unitAmount.toFixed(), line?.amount.toFixed()]).toEqual(['150.5', '452']); // 451.5 → 452
    const usd = { ...growth, overageMessagePrice: '0.0045' };
    const cents = invoice({ currency: 'USD', plan: usd, messagesUsed: 11_001 }).lines.find((l) => l.kind === 'overage');
    expect(cents?.amount.toFixed()).toBe('4.5'); // 1001 × 0.0045 = 4.5045 → 4.50
  });

  it('charges a flat add-on by quantity and a per-agent add-on by quantity × agents, at the cycle price', () => {
    const addons = [
      { id: 'wa', name: 'Extra WhatsApp number', unit: 'flat' as const, priceMonthly: '150000', priceAnnual: '1500000', quantity: 2 },
      { name: 'Priority support', unit: 'per_agent' as const, priceMonthly: '25000', priceAnnual: '250000', quantity: 1 },
    ];
    expect(amounts(invoice({ addons, agentCount: 4 })).filter(([kind]) => kind === 'addon')).toEqual([
      ['addon', 2, '150000', '300000'],
      ['addon', 4, '25000', '100000'],
    ]);
    expect(amounts(invoice({ addons, agentCount: 4, billingCycle: 'annual' })).filter(([kind]) => kind === 'addon')).toEqual([
      ['addon', 2, '1500000', '3000000'],
      ['addon', 4, '250000', '1000000'],
    ]);
    expect(invoice({ addons }).lines.find((l) => l.kind === 'addon')?.addonId).toBe('wa');
  });

  it('takes a percentage discount of the pre-tax subtotal, rounded half-up', () => {
    const plan = { ...growth, basePriceMonthly: '299001' };
    const result = invoice({ plan, coupon: { code: 'HALF', discountType: 'percentage', discountValue: '50', currency: null } });
    expect(result.discountTotal.toFixed()).toBe('149501'); // 149500.5 → 149501
    expect(result.lines.find((l) => l.kind === 'discount')?.amount.toFixed()).toBe('-149501');
    expect(result.taxTotal.toFixed()).toBe('16445'); // 0.11 × 149500 = 16445
    expect(result.total.toFixed()).toBe('165945');
  });

  it('takes a fixed discount in the invoice currency', () => {
    const result = invoice({ coupon: { discountType: 'fixed', discountValue: '100000', currency: 'IDR' } });
    expect(result.discountTotal.toFixed()).toBe('100000');
    expect(result.total.toFixed()).toBe('775890'); // 699000 + 76890
  });

  it('fixed discount larger than the subtotal is capped at the subtotal', () => {
    const result = invoice({ coupon: { discountType: 'fixed', discountValue: '5000000', currency: 'IDR' } });
    expect(result.discountTotal.toFixed()).toBe('799000');
    expect(result.taxTotal.toFixed()).toBe('0');
    expect(result.total.toFixed()).toBe('0');
  });

  it('ignores a fixed coupon in another currency', () => {
    const result = invoice({ coupon: { discountType: 'fixed', discountValue: '10', currency: 'USD' } });
    expect(result.discountTotal.toFixed()).toBe('0');
    expect(result.lines.some((l) => l.kind === 'discount')).toBe(false);
  });

  it('taxes the subtotal minus the discount, rounded half-up', () => {
    const plan = { ...growth, basePriceMonthly: '299050' };
    expect(invoice({ plan }).taxTotal.toFixed()).toBe('32896'); // 32895.5 → 32896
    const discounted = invoice({ plan, coupon: { discountType: 'fixed', discountValue: '50', currency: 'IDR' } });
    expect(discounted.taxTotal.toFixed()).toBe('32890'); // 0.11 × 299000
  });

  it('leaves the tax line out when the tax rate is zero', () => {
    const result = invoice({ taxRate: '0' });
    expect(result.lines.map((l) => l.kind)).toEqual(['plan_base']);
    expect(result.total.toFixed()).toBe('799000');
  });

  it('makes the total the sum of the rounded lines, discount negative and tax positive', () => {
    const result = invoice({
      agentCount: 7,
      messagesUsed: 10_777,
      coupon: { discountType: 'percentage', discountValue: '12.5', currency: null },
    });
    const sum = result.lines.reduce((total, line) => total.plus(line.amount), result.total.minus(result.total));
    expect(sum.eq(result.total)).toBe(true);
    expect(result.subtotal.minus(result.discountTotal).plus(result.taxTotal).eq(result.total)).toBe(true);
    // 799000 + 2 × 99000 + 777 × 250 = 1191250; 12.5% = 148906.25 → 148906; tax 0.11 × 1042344 = 114657.84 → 114658
    expect([result.subtotal, result.discountTotal, result.taxTotal, result.total].map((d) => d.toFixed())).toEqual([
      '1191250',
      '148906',
      '114658',
      '1157002',
    ]);
  });

  it('rejects inputs no subscription can have', () => {
    expect(() => invoice({ agentCount: -1 })).toThrow(RangeError);
    expect(() => invoice({ agentCount: 1.5 })).toThrow(RangeError);
    expect(() => invoice({ taxRate: '1.5' })).toThrow(RangeError);
    expect(() => invoice({ plan: { ...growth, basePriceMonthly: '-1' } })).toThrow(RangeError);
    expect(() => invoice({ coupon: { discountType: 'percentage', discountValue: '101', currency: null } })).toThrow(RangeError);
    expect(() => invoice({ currency: 'XXX' })).toThrow();
  });
});
