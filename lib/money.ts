import Decimal from 'decimal.js';
import { currencyDecimals } from './money-format';

/**
 * Money is decimal, never binary floating point. Amounts travel as JSON numbers in major units
 * (SPEC §3), are stored as numeric(18,4) and computed here with decimal.js.
 */
export { Decimal };
export type DecimalLike = Decimal.Value | { toString(): string };

// Currencies and formatting live without decimal.js, for the browser; server code imports them from here too.
export * from './money-format';

/** Largest amount numeric(18,4) holds with room for sums: 10^14 − 1 major units. */
export const MAX_AMOUNT = new Decimal('99999999999999');

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

/**
 * moneyToJson for a numeric's exact text as PostgreSQL spells it (hot reads select money
 * `::text`): the same JSON number without building a Decimal. Number() of a decimal string is
 * the double nearest its exact value, which is what Decimal#toNumber returns for the same value.
 */
export function moneyTextToJson(text: string): number {
  if (!NUMERIC_TEXT.test(text)) throw new Error(`not a numeric's text: ${text}`);
  return Number(text);
}
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/** A JSON number as a decimal, read through its shortest decimal spelling (12.5 → "12.5"), never through float arithmetic. */
export function decimalFromJsonNumber(value: number): Decimal {
  return new Decimal(String(value));
}
