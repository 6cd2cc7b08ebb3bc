import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { splitCreditNoteTax } from './split-credit-note-tax';

const split = (amount: string, total: string, taxTotal: string, currency = 'IDR') => {
  const { taxBase, taxAmount } = splitCreditNoteTax(amount, { total, taxTotal }, currency);
  return { taxBase: taxBase.toFixed(), taxAmount: taxAmount.toFixed() };
};

describe('splitCreditNoteTax', () => {
  it('a full refund gives back exactly the invoice tax base and PPN', () => {
    expect(split('332890', '332890', '32990')).toEqual({ taxBase: '299900', taxAmount: '32990' });
  });

  it('a partial refund splits in the invoice proportions, PPN rounded half-up to whole rupiah', () => {
    // 100000 × 11/111 = 9909.909… → 9910; DPP is the rest.
    expect(split('100000', '111000', '11000')).toEqual({ taxBase: '90090', taxAmount: '9910' });
    // 50 × 11/111 = 4.954… → 5 (not 4).
    expect(split('50', '111', '11')).toEqual({ taxBase: '45', taxAmount: '5' });
  });

  it('an exact half rounds up, not to even', () => {
    // 5 × 1/10 = 0.5 → 1; 25 × 1/10 = 2.5 → 3 (banker's rounding would give 0 and 2).
    expect(split('5', '10', '1')).toEqual({ taxBase: '4', taxAmount: '1' });
    expect(split('25', '10', '1')).toEqual({ taxBase: '22', taxAmount: '3' });
  });

  it('a two-decimal currency rounds PPN to cents', () => {
    // 10.00 × 11/111 = 0.99099… → 0.99.
    expect(split('10', '111', '11', 'USD')).toEqual({ taxBase: '9.01', taxAmount: '0.99' });
    // 0.05 × 1/10 = 0.005 → 0.01 (half-up).
    expect(split('0.05', '10', '1', 'USD')).toEqual({ taxBase: '0.04', taxAmount: '0.01' });
  });

  it('an invoice without tax, or with nothing to divide by, is all tax base', () => {
    expect(split('1000', '1000', '0')).toEqual({ taxBase: '1000', taxAmount: '0' });
    expect(split('1000', '0', '0')).toEqual({ taxBase: '1000', taxAmount: '0' });
  });

  it('an invoice with no total credits no PPN even if it records tax (no division by zero)', () => {
    expect(split('1000', '0', '10')).toEqual({ taxBase: '1000', taxAmount: '0' });
  });

  // Invoices as issued: a tax base, a tax rate up to 20 %, PPN = base × rate rounded, total = base + PPN;
  // any refund from one minor unit up to the total.
  const invoiceAndRefund = (decimals: number, currency: string) =>
    fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 13n }), fc.integer({ min: 0, max: 2000 }))
      .map(([baseUnits, basisPoints]) => {
        const base = new Decimal(baseUnits.toString()).dividedBy(10 ** decimals);
        const tax = base.times(basisPoints).dividedBy(10_000).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
        return { base, tax, total: base.plus(tax) };
      })
      .chain((invoice) =>
        fc
          .bigInt({ min: 1n, max: BigInt(invoice.total.times(10 ** decimals).toFixed()) })
          .map((units) => ({ ...invoice, amount: new Decimal(units.toString()).dividedBy(10 ** decimals), currency, decimals })),
      );

  for (const [currency, decimals] of [['IDR', 0], ['USD', 2]] as const) {
    it(`DPP + PPN is the refunded amount exactly, both in whole ${currency} minor units, neither negative (${decimals} decimals)`, () => {
      fc.assert(
        fc.property(invoiceAndRefund(decimals, currency), ({ amount, total, tax }) => {
          const { taxBase, taxAmount } = splitCreditNoteTax(amount, { total, taxTotal: tax }, currency);
          expect(taxBase.plus(taxAmount).eq(amount)).toBe(true);
          expect(taxAmount.decimalPlaces()).toBeLessThanOrEqual(decimals);
          expect(taxBase.decimalPlaces()).toBeLessThanOrEqual(decimals);
          expect(taxAmount.gte(0) && taxBase.gte(0)).toBe(true);
          // Half-up in the invoice's proportion: within half a minor unit of the exact share.
          const exact = amount.times(tax).dividedBy(total);
          expect(taxAmount.minus(exact).abs().lte(new Decimal(0.5).dividedBy(10 ** decimals))).toBe(true);
          // A full refund reverses the invoice's PPN exactly.
          if (amount.eq(total)) expect(taxAmount.eq(tax)).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }
});
