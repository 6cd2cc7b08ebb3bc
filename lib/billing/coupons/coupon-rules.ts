import type { FieldError } from '@/lib/errors';
import { DEFAULT_CURRENCY, MAX_AMOUNT, currencyDecimals, decimalFromJsonNumber, isCurrency } from '@/lib/money';

/**
 * The coupon rules that span several fields (SPEC §5), pure, shared by the zod schemas (so a form
 * shows them inline) and by updateCoupon (which judges the merged result of a partial update).
 */
export type TDiscountType = 'percentage' | 'fixed';
export type TCouponDuration = 'once' | 'repeating' | 'forever';

/** Percentages take at most two decimals (12.5 %, 33.33 %). */
export const PERCENTAGE_DECIMALS = 2;

/** A fixed coupon without a currency is in the product's currency (SPEC §5: default IDR); a percentage has none. */
export function couponCurrency(type: TDiscountType, currency: string | null | undefined): string | null {
  return type === 'fixed' ? (currency ?? DEFAULT_CURRENCY) : null;
}

/** `value` undefined: only the currency is judged (a partial update that does not send the value). */
export function discountIssues(type: TDiscountType, value: number | undefined, currency: string | null | undefined): FieldError[] {
  if (type === 'percentage') {
    const issues: FieldError[] = [];
    if (currency !== null && currency !== undefined) {
      issues.push({ path: 'currency', message: 'A percentage coupon has no currency: leave it out or send null.' });
    }
    if (value === undefined) return issues;
    // Written so that NaN fails it too (NaN < 1 and NaN > 100 are both false).
    if (!(value >= 1 && value <= 100)) issues.push({ path: 'discount_value', message: 'A percentage is between 1 and 100.' });
    else if (decimalFromJsonNumber(value).decimalPlaces() > PERCENTAGE_DECIMALS) {
      issues.push({ path: 'discount_value', message: 'A percentage has at most 2 decimals (e.g. 12.5).' });
    }
    return issues;
  }
  if (value === undefined) return [];
  const code = couponCurrency(type, currency)!;
  const decimals = decimalFromJsonNumber(value).decimalPlaces();
  if (!(value > 0)) return [{ path: 'discount_value', message: 'A fixed discount is more than 0.' }];
  if (decimalFromJsonNumber(value).greaterThan(MAX_AMOUNT)) return [{ path: 'discount_value', message: 'Too large.' }];
  if (isCurrency(code) && decimals > currencyDecimals(code)) {
    const allowed = currencyDecimals(code);
    return [{ path: 'discount_value', message: allowed === 0 ? `${code} amounts are whole numbers.` : `${code} amounts have at most ${allowed} decimals.` }];
  }
  return [];
}

/** `repeating` needs a cycle count; the other durations must not carry one. */
export function durationIssues(duration: TCouponDuration, cycles: number | null | undefined): FieldError[] {
  const hasCycles = cycles !== null && cycles !== undefined;
  if (duration === 'repeating' && !hasCycles) {
    return [{ path: 'duration_in_cycles', message: 'A repeating coupon needs the number of invoices it covers.' }];
  }
  if (duration !== 'repeating' && hasCycles) {
    return [{ path: 'duration_in_cycles', message: 'Only a repeating coupon has a number of cycles.' }];
  }
  return [];
}

/** `valid_until`, when set, is strictly after `valid_from`. */
export function windowIssues(validFrom: Date, validUntil: Date | null): FieldError[] {
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) {
    return [{ path: 'valid_until', message: 'Must be after the start of validity.' }];
  }
  return [];
}
