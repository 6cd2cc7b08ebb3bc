import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES, CURRENCY_DECIMALS, currencyLocale, formatMoney, plainDecimal, type TCurrency } from './money-format';

/** What formatMoney was while it went through decimal.js: the browser's formatter must write exactly this. */
function formatThroughDecimal(value: Decimal.Value, currency: TCurrency): string {
  const decimals = CURRENCY_DECIMALS[currency];
  const formatter = new Intl.NumberFormat(currencyLocale(currency), { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, 4) });
  return formatter.format(new Decimal(value.toString()).toFixed() as unknown as number).replace(/\u00a0/g, ' ');
}

describe('formatMoney', () => {
  it('writes each currency as its readers do', () => {
    expect(formatMoney(299000, 'IDR')).toBe('Rp 299.000');
    expect(formatMoney('299000', 'IDR')).toBe('Rp 299.000');
    expect(formatMoney(1250.5, 'USD')).toBe('$1,250.50');
    expect(formatMoney(-1250.5, 'EUR')).toBe('-1.250,50 €');
    expect(formatMoney(new Decimal('12.3456'), 'USD')).toBe('$12.3456');
  });

  it('is exact past float precision: an amount is never rounded through a double', () => {
    expect(formatMoney('99999999999999.9999', 'USD')).toBe('$99,999,999,999,999.9999');
    expect(formatMoney('12345678901234567890', 'IDR')).toBe('Rp 12.345.678.901.234.567.890');
  });

  it('writes what the decimal.js formatter wrote, for any amount a number or a decimal string can hold', () => {
    const currency = fc.constantFrom(...CURRENCIES);
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100));
    fc.assert(fc.property(number, currency, (value, code) => formatMoney(value, code) === formatThroughDecimal(value, code)));
    const decimalText = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.stringMatching(/^\d{0,6}$/))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
    fc.assert(fc.property(decimalText, currency, (value, code) => formatMoney(value, code) === formatThroughDecimal(value, code)));
    fc.assert(fc.property(decimalText, currency, (value, code) => formatMoney(new Decimal(value), code) === formatThroughDecimal(value, code)));
  });
});

describe('formatMoney of what is not a finite amount', () => {
  it('writes NaN and ±Infinity as Intl does instead of throwing, so a broken figure shows as such', () => {
    expect(formatMoney(Number.NaN, 'USD')).toBe('$NaN');
    expect(formatMoney(Number.POSITIVE_INFINITY, 'USD')).toBe('$∞');
    expect(formatMoney(Number.NEGATIVE_INFINITY, 'IDR')).toBe('-Rp∞');
    expect(formatMoney(' +Infinity', 'USD')).toBe('$∞');
  });

  it('passes only the whole words NaN and Infinity through; anything around them is not an amount', () => {
    expect(plainDecimal(Number.NaN)).toBe('NaN');
    expect(plainDecimal('-Infinity')).toBe('-Infinity');
    expect(() => plainDecimal('xInfinity')).toThrow('Not a decimal amount: xInfinity');
    expect(() => plainDecimal('Infinity1')).toThrow('Not a decimal amount: Infinity1');
    expect(() => plainDecimal('-NaN')).toThrow('Not a decimal amount: -NaN');
  });
});

describe('formatMoney of a currency the product does not bill in', () => {
  it('writes it in en-US with two decimals (up to four when the amount has them)', () => {
    expect(currencyLocale('GBP')).toBe('en-US');
    expect(formatMoney(1250.5, 'GBP')).toBe('£1,250.50');
    expect(formatMoney('0.0001', 'GBP')).toBe('£0.0001');
  });
});

describe('plainDecimal', () => {
  it('spells an amount as decimal.js toFixed() does', () => {
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-0)).toBe('0');
    expect(plainDecimal('-0.000')).toBe('0');
    expect(plainDecimal('007.50')).toBe('7.5');
    expect(plainDecimal('-1.5e3')).toBe('-1500');
    expect(plainDecimal(new Decimal('1e-9'))).toBe('0.000000001');
  });

  it('refuses what is not a decimal', () => {
    expect(() => plainDecimal('12,5')).toThrow('Not a decimal amount');
    expect(() => plainDecimal('')).toThrow('Not a decimal amount');
  });
});
