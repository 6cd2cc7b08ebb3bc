/**
 * Currencies and how amounts are written, without decimal.js: what the browser needs to show
 * money (tables, headers), so a page that only displays amounts does not load a decimal library
 * (~12 kB gzip). Exact all the same: an amount goes to Intl.NumberFormat as its decimal string,
 * never through float arithmetic. lib/money.ts re-exports all of it beside the arithmetic.
 */

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

export function isCurrency(code: string): code is TCurrency {
  return Object.hasOwn(CURRENCY_DECIMALS, code);
}

export function currencyDecimals(currency: string): number {
  if (!isCurrency(currency)) throw new Error(`Unsupported currency ${currency}`);
  return CURRENCY_DECIMALS[currency];
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

/** A number, a decimal string, or a decimal object (decimal.js, Prisma's Decimal) that spells itself with toString(). */
export type TMoneyValue = number | string | { toString(): string };

const formatters = new Map<string, Intl.NumberFormat>();

/** `Rp 299.000`, `$1,250.50`: an amount as its currency's readers write it. */
export function formatMoney(value: TMoneyValue, currency: string): string {
  let formatter = formatters.get(currency);
  // Stryker disable next-line ConditionalExpression: a cache; building a fresh formatter every time writes the same text
  if (!formatter) {
    const decimals = isCurrency(currency) ? CURRENCY_DECIMALS[currency] : 2;
    formatter = new Intl.NumberFormat(currencyLocale(currency), {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: Math.max(decimals, 4),
    });
    formatters.set(currency, formatter);
  }
  // Intl takes a string for exact decimal formatting (ES2023 "exact decimal" strings).
  return formatter.format(plainDecimal(value) as unknown as number).replace(/\u00a0/g, ' ');
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The amount as a plain decimal string, as decimal.js's toFixed() writes it: no exponent
 * (1e21 → "1000000000000000000000", 1e-7 → "0.0000001"), no leading or trailing zeros, no sign
 * on zero. A number is read through its shortest spelling (String(12.5) = "12.5"), as
 * decimalFromJsonNumber reads it.
 */
export function plainDecimal(value: TMoneyValue): string {
  const text = String(value).trim();
  if (text === 'NaN' || /^[+-]?Infinity$/.test(text)) return text;
  const match = DECIMAL.exec(text);
  if (!match || (!match[2] && !match[3])) throw new Error(`Not a decimal amount: ${text}`);
  const [, sign, , fraction = '', exponent] = match;
  const whole = match[2]!; // (\d*) always takes part in a match: a string, if an empty one
  let digits = whole + fraction;
  let point = whole.length + Number(exponent ?? 0);
  // Stryker disable next-line EqualityOperator: at point 0, padding with no zeros changes nothing
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: zeros padded past `point` are fraction digits, and the trailing-zero strip below drops them
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  const negative = sign === '-' && (integer !== '0' || decimals !== '');
  return `${negative ? '-' : ''}${integer}${decimals ? `.${decimals}` : ''}`;
}
