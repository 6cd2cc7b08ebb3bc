import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CURRENCIES, Decimal, currencyDecimals } from '../../money';
import { computeInvoice, type TComputeInvoiceInput } from './compute-invoice';

// Prices as stored: numeric(18,4), so up to four decimals whatever the currency.
const price = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) => new Decimal(units.toString()).dividedBy(10 ** scale).toFixed());

const limit = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });

const addon = fc.record({
  name: fc.constantFrom('Extra number', 'AI credits', 'Priority support'),
  unit: fc.constantFrom('flat' as const, 'per_agent' as const),
  priceMonthly: price,
  priceAnnual: price,
  quantity: fc.integer({ min: 0, max: 20 }),
});

const coupon = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 10_000 }).map((hundredths) => ({
    discountType: 'percentage' as const,
    discountValue: new Decimal(hundredths).dividedBy(100).toFixed(),
    currency: null,
  })),
  fc.tuple(price, fc.constantFrom(...CURRENCIES)).map(([value, currency]) => ({
    discountType: 'fixed' as const,
    discountValue: value,
    currency,
  })),
);

const input: fc.Arbitrary<TComputeInvoiceInput> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  billingCycle: fc.constantFrom('monthly' as const, 'annual' as const),
  plan: fc.record({
    basePriceMonthly: price,
    basePriceAnnual: price,
    perAgentPrice: price,
    overageMessagePrice: price,
    limits: fc.record({ max_agents: limit, max_messages_month: limit }),
  }),
  agentCount: fc.integer({ min: 0, max: 1_000 }),
  messagesUsed: fc.integer({ min: 0, max: 1_000_000 }),
  addons: fc.array(addon, { maxLength: 4 }),
  coupon,
  taxRate: fc.integer({ min: 0, max: 10_000 }).map((bp) => new Decimal(bp).dividedBy(10_000).toFixed()),
});

const RUNS = { numRuns: 500 };

describe('computeInvoice properties', () => {
  it('never produces a negative total', () => {
    fc.assert(fc.property(input, (i) => computeInvoice(i).total.gte(0)), RUNS);
  });

  it('lines always sum exactly to the total', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = computeInvoice(i);
        return result.lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0)).eq(result.total);
      }),
      RUNS,
    );
  });

  it('subtotal − discount + tax = total', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = computeInvoice(i);
        return r.subtotal.minus(r.discountTotal).plus(r.taxTotal).eq(r.total);
      }),
      RUNS,
    );
  });

  it('every line amount has at most the currency decimals', () => {
    fc.assert(
      fc.property(input, (i) => {
        const decimals = currencyDecimals(i.currency);
        return computeInvoice(i).lines.every((line) => line.amount.decimalPlaces() <= decimals);
      }),
      RUNS,
    );
  });

  it('the discount never exceeds the subtotal', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = computeInvoice(i);
        return r.discountTotal.gte(0) && r.discountTotal.lte(r.subtotal);
      }),
      RUNS,
    );
  });

  it('every line quantity is a non-negative integer', () => {
    fc.assert(
      fc.property(input, (i) => computeInvoice(i).lines.every((line) => Number.isInteger(line.quantity) && line.quantity >= 0)),
      RUNS,
    );
  });

  it('a worked annual example holds the same invariants', () => {
    const result = computeInvoice({
      currency: 'USD',
      billingCycle: 'annual',
      plan: { basePriceMonthly: '19.99', basePriceAnnual: '199.9', perAgentPrice: '4.995', overageMessagePrice: '0.001', limits: { max_agents: 2, max_messages_month: 100 } },
      agentCount: 3,
      messagesUsed: 5_000,
      coupon: { discountType: 'percentage', discountValue: '33.33', currency: null },
      taxRate: '0.0825',
    });
    // 199.90 + 59.94 = 259.84; 33.33% = 86.604672 → 86.60; tax 0.0825 × 173.24 = 14.2923 → 14.29
    expect([result.subtotal, result.discountTotal, result.taxTotal, result.total].map((d) => d.toFixed())).toEqual([
      '259.84',
      '86.6',
      '14.29',
      '187.53',
    ]);
  });
});
