import { Decimal } from '@/lib/money';

export type TRemoteProvider = 'xendit' | 'stripe';

/**
 * Stripe's zero-decimal currencies among ours (docs.stripe.com/currencies). IDR is NOT one: Stripe
 * treats it as two-decimal, so Rp 150.000 is `amount: 15000000` (SPEC §12; a Stripe engineer:
 * "1 IDR is considered 1.00 IDR, which is represented as amount = 100").
 */
const STRIPE_ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'PYG', 'XAF', 'XOF', 'BIF', 'DJF', 'GNF', 'KMF', 'MGA', 'RWF', 'UGX', 'VUV', 'XPF']);

/** Stripe's ceiling on one amount: 12 digits for IDR, 8 for other currencies (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const STRIPE_MAX_DIGITS = (currency: string) => (currency === 'IDR' ? 12 : 8);

/** Xendit's currencies are taken in major units; these have no minor unit at Xendit (IDR, VND: whole). */
const XENDIT_WHOLE = new Set(['IDR', 'VND', 'JPY', 'KRW']);

export class ProviderAmountError extends Error {}

/**
 * An amount in the provider's unit: Xendit takes major units (whole rupiah, never × 100); Stripe
 * takes the currency's minor unit (× 100 for IDR, USD, SGD, MYR, EUR; × 1 for JPY). Throws when
 * the amount cannot be represented exactly (a fraction of the unit) or passes the provider's limit.
 */
export function toProviderAmount(provider: TRemoteProvider, amount: Decimal, currency: string): number {
  if (amount.lte(0)) throw new ProviderAmountError(`A refund amount is positive, not ${amount.toFixed()}.`);
  const units = provider === 'stripe' ? amount.times(stripeFactor(currency)) : amount;
  const whole = provider === 'stripe' || XENDIT_WHOLE.has(currency);
  if (whole && !units.isInteger()) {
    throw new ProviderAmountError(`${amount.toFixed()} ${currency} is not a whole number of ${provider}'s units.`);
  }
  if (!whole && units.decimalPlaces() > 2) {
    throw new ProviderAmountError(`${amount.toFixed()} ${currency} has more than 2 decimals.`);
  }
  if (provider === 'stripe' && units.toFixed(0).length > STRIPE_MAX_DIGITS(currency)) {
    throw new ProviderAmountError(`${amount.toFixed()} ${currency} is above Stripe's limit of ${STRIPE_MAX_DIGITS(currency)} digits.`);
  }
  return units.toNumber();
}

/** The inverse: a provider's amount back in major units, exactly. */
export function fromProviderAmount(provider: TRemoteProvider, units: number, currency: string): Decimal {
  const value = new Decimal(units);
  return provider === 'stripe' ? value.dividedBy(stripeFactor(currency)) : value;
}

function stripeFactor(currency: string): number {
  return STRIPE_ZERO_DECIMAL.has(currency.toUpperCase()) ? 1 : 100;
}
