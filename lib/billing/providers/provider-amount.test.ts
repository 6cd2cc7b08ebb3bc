import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { ProviderAmountError, fromProviderAmount, toProviderAmount } from './provider-amount';

const d = (value: string) => new Decimal(value);

describe('toProviderAmount', () => {
  it('Stripe treats IDR as two-decimal: Rp 150.000 is 15000000', () => {
    expect(toProviderAmount('stripe', d('150000'), 'IDR')).toBe(15_000_000);
    expect(toProviderAmount('stripe', d('1'), 'IDR')).toBe(100);
  });

  it('Xendit takes whole rupiah, not × 100', () => {
    expect(toProviderAmount('xendit', d('150000'), 'IDR')).toBe(150_000);
    expect(toProviderAmount('xendit', d('1'), 'IDR')).toBe(1);
  });

  it('Stripe: cents for USD, SGD, MYR, EUR; JPY is zero-decimal', () => {
    expect(toProviderAmount('stripe', d('9.99'), 'USD')).toBe(999);
    expect(toProviderAmount('stripe', d('0.01'), 'SGD')).toBe(1);
    expect(toProviderAmount('stripe', d('12.5'), 'MYR')).toBe(1250);
    expect(toProviderAmount('stripe', d('100'), 'EUR')).toBe(10_000);
    expect(toProviderAmount('stripe', d('500'), 'JPY')).toBe(500);
    expect(toProviderAmount('stripe', d('500'), 'jpy')).toBe(500);
  });

  it('Xendit: major units with cents for two-decimal currencies', () => {
    expect(toProviderAmount('xendit', d('12.34'), 'MYR')).toBe(12.34);
    expect(toProviderAmount('xendit', d('0.01'), 'USD')).toBe(0.01);
  });

  it('a fraction of the unit is refused, never rounded', () => {
    expect(() => toProviderAmount('xendit', d('10.5'), 'IDR')).toThrow(ProviderAmountError);
    expect(() => toProviderAmount('stripe', d('10.505'), 'IDR')).toThrow(ProviderAmountError);
    expect(() => toProviderAmount('stripe', d('0.5'), 'JPY')).toThrow(/whole number/);
    expect(() => toProviderAmount('xendit', d('1.005'), 'USD')).toThrow(/more than 2 decimals/);
    expect(toProviderAmount('xendit', d('1.01'), 'USD')).toBe(1.01);
  });

  it('zero and negative amounts are refused', () => {
    expect(() => toProviderAmount('stripe', d('0'), 'IDR')).toThrow(/positive/);
    expect(() => toProviderAmount('xendit', d('-1'), 'IDR')).toThrow(/positive/);
    expect(toProviderAmount('xendit', d('0.01'), 'USD')).toBe(0.01);
  });

  it('Stripe limits: 12 digits for IDR, 8 for others', () => {
    expect(toProviderAmount('stripe', d('9999999999.99'), 'IDR')).toBe(999_999_999_999);
    expect(() => toProviderAmount('stripe', d('10000000000'), 'IDR')).toThrow(/12 digits/);
    expect(toProviderAmount('stripe', d('999999.99'), 'USD')).toBe(99_999_999);
    expect(() => toProviderAmount('stripe', d('1000000'), 'USD')).toThrow(/8 digits/);
    // Xendit has no such limit of its own here.
    expect(toProviderAmount('xendit', d('10000000000'), 'IDR')).toBe(10_000_000_000);
  });
});

describe('fromProviderAmount', () => {
  it('is the exact inverse', () => {
    expect(fromProviderAmount('stripe', 15_000_000, 'IDR').toFixed()).toBe('150000');
    expect(fromProviderAmount('stripe', 999, 'USD').toFixed()).toBe('9.99');
    expect(fromProviderAmount('stripe', 500, 'JPY').toFixed()).toBe('500');
    expect(fromProviderAmount('xendit', 150_000, 'IDR').toFixed()).toBe('150000');
    for (const [provider, amount, currency] of [['stripe', '123456.78', 'USD'], ['xendit', '77', 'IDR'], ['stripe', '42', 'IDR']] as const) {
      expect(fromProviderAmount(provider, toProviderAmount(provider, d(amount), currency), currency).toFixed()).toBe(d(amount).toFixed());
    }
  });
});
