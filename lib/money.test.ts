import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, MAX_AMOUNT, decimalFromJsonNumber, fitsCurrency, formatMoney, moneyTextToJson, moneyToJson, roundMoney, toDecimal } from './money';

describe('money', () => {
  it('rounds half-up to the currency minor unit', () => {
    expect(roundMoney('1499.5', 'IDR').toString()).toBe('1500');
    expect(roundMoney('1499.4999', 'IDR').toString()).toBe('1499');
    expect(roundMoney('10.005', 'USD').toString()).toBe('10.01');
    expect(roundMoney('-10.005', 'USD').toString()).toBe('-10.01');
  });

  it('knows which amounts fit a currency', () => {
    expect(fitsCurrency('299000', 'IDR')).toBe(true);
    expect(fitsCurrency('299000.5', 'IDR')).toBe(false);
    expect(fitsCurrency('12.34', 'USD')).toBe(true);
    expect(fitsCurrency('12.345', 'USD')).toBe(false);
  });

  it('reads JSON numbers by their decimal spelling, without float drift', () => {
    expect(decimalFromJsonNumber(0.1).plus(decimalFromJsonNumber(0.2)).toString()).toBe('0.3');
    expect(toDecimal('0.1').plus('0.2').eq('0.3')).toBe(true);
  });

  it('writes an amount as the JSON number of its major units, exact up to the numeric(18,4) ceiling', () => {
    expect(moneyToJson(new Decimal('1250.5'))).toBe(1250.5);
    expect(moneyToJson('0.0001')).toBe(0.0001);
    expect(moneyToJson(MAX_AMOUNT)).toBe(99_999_999_999_999);
    expect(MAX_AMOUNT.toFixed()).toBe('99999999999999');
  });

  it('formats rupiah the Indonesian way', () => {
    expect(formatMoney('299000', 'IDR')).toBe('Rp 299.000');
    expect(formatMoney('1250.5', 'USD')).toBe('$1,250.50');
  });

  it('moneyTextToJson gives the number moneyToJson gives, for every numeric(18,4) text', () => {
    const numericText = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), fc.integer({ min: 0, max: 9999 }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${String(fraction).padStart(4, '0')}`);
    fc.assert(fc.property(numericText, (text) => Object.is(moneyTextToJson(text), moneyToJson(text))), { numRuns: 5000 });
    expect(moneyTextToJson('150000.0000')).toBe(150000);
    expect(moneyTextToJson('0.0001')).toBe(0.0001);
    expect(() => moneyTextToJson('1e5')).toThrow();
    expect(() => moneyTextToJson('NaN')).toThrow();
  });

  it('moneyTextToJson reads whole numbers and refuses anything around or after the numeric, naming the text', () => {
    expect(moneyTextToJson('150000')).toBe(150000);
    expect(moneyTextToJson('-7')).toBe(-7);
    expect(() => moneyTextToJson('x1.5')).toThrow('not a numeric\'s text: x1.5');
    expect(() => moneyTextToJson('1.5x')).toThrow('not a numeric\'s text: 1.5x');
    expect(() => moneyTextToJson('1.')).toThrow();
    expect(() => moneyTextToJson('.5')).toThrow();
    expect(() => moneyTextToJson('--1')).toThrow();
  });
});
