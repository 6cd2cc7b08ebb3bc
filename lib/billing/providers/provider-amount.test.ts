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

describe('toProviderAmount: the currency tables', () => {
  // docs.stripe.com/currencies#zero-decimal: every one of these is sent as is, never × 100.
  const STRIPE_ZERO_DECIMAL = ['JPY', 'KRW', 'VND', 'CLP', 'PYG', 'XAF', 'XOF', 'BIF', 'DJF', 'GNF', 'KMF', 'MGA', 'RWF', 'UGX', 'VUV', 'XPF'];

  it.each(STRIPE_ZERO_DECIMAL)('Stripe: %s is zero-decimal (500 is 500, back and forth)', (currency) => {
    expect(toProviderAmount('stripe', d('500'), currency)).toBe(500);
    expect(fromProviderAmount('stripe', 500, currency).toFixed()).toBe('500');
  });

  it.each(['IDR', 'VND', 'JPY', 'KRW'])('Xendit: %s has no minor unit, so a fraction is refused', (currency) => {
    expect(() => toProviderAmount('xendit', d('10.5'), currency)).toThrow(`10.5 ${currency} is not a whole number of xendit's units.`);
  });

  it('Stripe refuses a fraction of a cent of a two-decimal currency (not rounded, not sent as 1000.5)', () => {
    expect(() => toProviderAmount('stripe', d('10.005'), 'USD')).toThrow("10.005 USD is not a whole number of stripe's units.");
  });

  it("Stripe's digit limit is Stripe's only: Xendit takes an IDR amount of 13 digits and a USD amount of 9", () => {
    expect(toProviderAmount('xendit', d('1000000000000'), 'IDR')).toBe(1_000_000_000_000);
    expect(toProviderAmount('xendit', d('100000000'), 'USD')).toBe(100_000_000);
  });
});
