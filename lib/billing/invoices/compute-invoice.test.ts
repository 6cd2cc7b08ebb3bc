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

  it('leaves out add-on lines with nothing to charge: quantity 0, or a per-agent add-on with no agents', () => {
    const addons = [
      { id: 'wa', name: 'Extra WhatsApp number', unit: 'flat' as const, priceMonthly: '150000', priceAnnual: '1500000', quantity: 0 },
      { id: 'ps', name: 'Priority support', unit: 'per_agent' as const, priceMonthly: '25000', priceAnnual: '250000', quantity: 1 },
    ];
    const result = invoice({ addons, agentCount: 0 });
    expect(result.lines.map((l) => l.kind)).toEqual(['plan_base', 'tax']);
    expect(result.subtotal.toFixed()).toBe('799000');
  });

  it('takes the whole subtotal with a 100% coupon, and then no tax', () => {
    const result = invoice({ coupon: { code: 'FREE', discountType: 'percentage', discountValue: '100', currency: null } });
    expect([result.discountTotal.toFixed(), result.taxTotal.toFixed(), result.total.toFixed()]).toEqual(['799000', '0', '0']);
  });
});

describe('computeInvoice line descriptions (what the customer reads)', () => {
  const descriptions = (overrides: Partial<TComputeInvoiceInput>) => invoice(overrides).lines.map((line) => line.description);
  const perAgentAddon = { name: 'Priority support', unit: 'per_agent' as const, priceMonthly: '25000', priceAnnual: '250000', quantity: 1 };
  const flatAddon = { name: 'Extra WhatsApp number', unit: 'flat' as const, priceMonthly: '150000', priceAnnual: '1500000', quantity: 1 };

  it('names the plan and its cycle on the base line, "Plan" when the plan has no name', () => {
    expect(descriptions({})[0]).toBe('Growth (monthly)');
    expect(descriptions({ billingCycle: 'annual' })[0]).toBe('Growth (annual)');
    expect(descriptions({ plan: { ...growth, name: undefined } })[0]).toBe('Plan (monthly)');
  });

  it('says how many agents are included, and "(12 months)" for extra agents on an annual invoice', () => {
    expect(descriptions({ agentCount: 8 })[1]).toBe('Additional agents beyond 5 included');
    expect(descriptions({ agentCount: 8, billingCycle: 'annual' })[1]).toBe('Additional agents beyond 5 included (12 months)');
  });

  it('says how many messages are included on the overage line', () => {
    expect(descriptions({ messagesUsed: 10_001 })[1]).toBe('Messages beyond 10000 included');
  });

  it('names a flat add-on as it is, and marks a per-agent one "(per agent)"', () => {
    expect(descriptions({ addons: [flatAddon, perAgentAddon] }).slice(1, 3)).toEqual(['Extra WhatsApp number', 'Priority support (per agent)']);
  });

  it('writes the tax rate as a percentage, decimals kept', () => {
    expect(descriptions({}).at(-1)).toBe('Tax (11%)');
    expect(descriptions({ taxRate: '0.125' }).at(-1)).toBe('Tax (12.5%)');
  });

  it('labels a percentage coupon "N% off" and a fixed one with its amount in the invoice currency', () => {
    const discountLine = (coupon: TComputeInvoiceInput['coupon'], currency = 'IDR') =>
      invoice({ coupon, currency }).lines.find((line) => line.kind === 'discount')?.description;
    expect(discountLine({ code: 'WELCOME10', discountType: 'percentage', discountValue: '10', currency: null })).toBe('Coupon WELCOME10 (10% off)');
    expect(discountLine({ discountType: 'percentage', discountValue: '12.5', currency: null })).toBe('Discount (12.5% off)');
    expect(discountLine({ code: 'HEMAT', discountType: 'fixed', discountValue: '50000', currency: 'IDR' })).toBe('Coupon HEMAT (Rp 50.000 off)');
    expect(discountLine({ discountType: 'fixed', discountValue: '10.5', currency: 'USD' }, 'USD')).toBe('Discount ($10.50 off)');
  });
});

describe('computeInvoice refuses inputs no subscription can have (each guard by its message)', () => {
  it('refuses a negative or NaN tax rate, and one above 1 (subtotal − discount + tax would not be the total)', () => {
    expect(() => invoice({ taxRate: '-0.11' })).toThrow('taxRate must be between 0 and 1, got -0.11');
    expect(() => invoice({ taxRate: Number.NaN })).toThrow('taxRate must be between 0 and 1, got NaN');
    expect(() => invoice({ taxRate: '1.5' })).toThrow('taxRate must be between 0 and 1, got 1.5');
    expect(invoice({ taxRate: '1' }).taxTotal.toFixed()).toBe('799000');
  });

  it('refuses a negative or NaN percentage discount, and one above 100', () => {
    const percentage = (discountValue: string | number) => () => invoice({ coupon: { discountType: 'percentage', discountValue, currency: null } });
    expect(percentage('-10')).toThrow('percentage discount must be 0–100, got -10');
    expect(percentage(Number.NaN)).toThrow('percentage discount must be 0–100, got NaN');
    expect(percentage('100.01')).toThrow('percentage discount must be 0–100, got 100.01');
  });

  it('refuses a negative or NaN fixed discount, whatever its currency', () => {
    const fixed = (discountValue: string | number, currency: string) => () => invoice({ coupon: { discountType: 'fixed', discountValue, currency } });
    expect(fixed('-50000', 'IDR')).toThrow('fixed discount must be ≥ 0, got -50000');
    expect(fixed(Number.NaN, 'IDR')).toThrow('fixed discount must be ≥ 0, got NaN');
    expect(fixed('-5', 'USD')).toThrow('fixed discount must be ≥ 0, got -5');
  });

  it('refuses counts that are negative or not whole', () => {
    expect(() => invoice({ agentCount: -1 })).toThrow('agentCount must be a non-negative integer, got -1');
    expect(() => invoice({ agentCount: 1.5 })).toThrow('agentCount must be a non-negative integer, got 1.5');
    expect(() => invoice({ messagesUsed: -1 })).toThrow('messagesUsed must be a non-negative integer, got -1');
    expect(() => invoice({ plan: { ...growth, limits: { max_agents: -5, max_messages_month: null } } })).toThrow('limit must be a non-negative integer, got -5');
    const addon = { name: 'Priority support', unit: 'flat' as const, priceMonthly: '1', priceAnnual: '1', quantity: -2 };
    expect(() => invoice({ addons: [addon] })).toThrow('quantity of add-on Priority support must be a non-negative integer, got -2');
  });

  it('refuses a negative price, naming the line it was for', () => {
    expect(() => invoice({ plan: { ...growth, basePriceMonthly: '-1' } })).toThrow('plan_base price must be ≥ 0, got -1');
    expect(() => invoice({ agentCount: 6, plan: { ...growth, perAgentPrice: '-1' } })).toThrow('per_agent price must be ≥ 0, got -1');
  });

  it('refuses a currency the product does not bill in', () => {
    expect(() => invoice({ currency: 'XXX' })).toThrow('Unsupported currency XXX');
  });
});
