import Decimal from 'decimal.js';

/**
 * Money is decimal, never binary floating point. Amounts travel as JSON numbers in major units
 * (SPEC §3), are stored as numeric(18,4) and computed here with decimal.js.
 */
export { Decimal };
export type DecimalLike = Decimal.Value | { toString(): string };

/** Minor-unit decimals per supported currency. IDR is whole rupiah: our rule (SPEC §6), though ISO 4217 lists two. */
export const CURRENCY_DECIMALS = {
  IDR: 0,
  USD: 2,
  SGD: 2,
  MYR: 2,
  EUR: 2,
  JPY: 0,
} as const;

export type TCurrency = keyof typeof CURRENCY_DECIMALS;
export const CURRENCIES = Object.keys(CURRENCY_DECIMALS) as [TCurrency, ...TCurrency[]];
export const DEFAULT_CURRENCY: TCurrency = 'IDR';

/** Largest amount numeric(18,4) holds with room for sums: 10^14 − 1 major units. */
export const MAX_AMOUNT = new Decimal('99999999999999');

export function isCurrency(code: string): code is TCurrency {
  return Object.hasOwn(CURRENCY_DECIMALS, code);
}

export function currencyDecimals(currency: string): number {
  if (!isCurrency(currency)) throw new Error(`Unsupported currency ${currency}`);
  return CURRENCY_DECIMALS[currency];
}

export function toDecimal(value: DecimalLike): Decimal {
  return value instanceof Decimal ? value : new Decimal(value.toString());
}

/** Rounds half-up to the currency's minor unit (SPEC §6: every computed line is rounded so). */
export function roundMoney(value: DecimalLike, currency: string): Decimal {
  return toDecimal(value).toDecimalPlaces(currencyDecimals(currency), Decimal.ROUND_HALF_UP);
}

/** True when `value` has no more decimals than the currency allows. */
export function fitsCurrency(value: DecimalLike, currency: string): boolean {
  return toDecimal(value).decimalPlaces() <= currencyDecimals(currency);
}

/** The JSON number for an amount (major units); exact for every amount numeric(18,4) can hold here. */
export function moneyToJson(value: DecimalLike): number {
  return toDecimal(value).toNumber();
}

/** A JSON number as a decimal, read through its shortest decimal spelling (12.5 → "12.5"), never through float arithmetic. */
export function decimalFromJsonNumber(value: number): Decimal {
  return new Decimal(String(value));
}

const LOCALES: Record<TCurrency, string> = {
  IDR: 'id-ID',
  USD: 'en-US',
  SGD: 'en-SG',
  MYR: 'ms-MY',
  EUR: 'de-DE',
  JPY: 'ja-JP',
};

/** The locale amounts in a currency are written in, e.g. for a chart's own compact axis labels. */
export function currencyLocale(currency: string): string {
  return isCurrency(currency) ? LOCALES[currency] : 'en-US';
}

/** `Rp 299.000`, `$1,250.50`: an amount as its currency's readers write it. */
export function formatMoney(value: DecimalLike, currency: string): string {
  const decimals = isCurrency(currency) ? CURRENCY_DECIMALS[currency] : 2;
  const locale = currencyLocale(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: Math.max(decimals, 4),
  });
  // Intl takes a string for exact decimal formatting (ES2023 "exact decimal" strings).
  return formatter.format(toDecimal(value).toFixed() as unknown as number).replace(/\u00a0/g, ' ');
}
