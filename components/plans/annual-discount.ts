import { Decimal, decimalFromJsonNumber } from '@/lib/money';

export interface TAnnualDiscount {
  text: string;
  /** `premium`: the annual price is more than twelve monthly payments, almost certainly a typo. */
  tone: 'discount' | 'none' | 'premium';
}

/**
 * What an annual price means next to twelve monthly payments, e.g. "Annual = 10 × monthly: 2 months
 * free (16.7% off)" — a safety net against a mistyped annual price. Null when there is nothing to
 * compare (no valid monthly price, or a free plan).
 */
export function describeAnnualDiscount(monthly: number | undefined, annual: number | undefined): TAnnualDiscount | null {
  if (!isAmount(monthly) || !isAmount(annual) || monthly === 0) return null;
  const ratio = decimalFromJsonNumber(annual).dividedBy(decimalFromJsonNumber(monthly));
  const monthsFree = new Decimal(12).minus(ratio);
  const prefix = `Annual = ${short(ratio)} × monthly`;
  if (monthsFree.isZero()) return { text: `${prefix}: no discount for paying yearly`, tone: 'none' };
  const percent = monthsFree.abs().dividedBy(12).times(100).toFixed(1, Decimal.ROUND_HALF_UP);
  if (monthsFree.isNegative()) {
    return { text: `${prefix}: ${months(monthsFree.abs())} more than paying monthly (${percent}% more)`, tone: 'premium' };
  }
  return { text: `${prefix}: ${months(monthsFree)} free (${percent}% off)`, tone: 'discount' };
}

const isAmount = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value >= 0;

/** At most two decimals, no trailing zeros: 10, 10.5, 9.99. */
const short = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();

const months = (value: Decimal) => `${short(value)} ${short(value) === '1' ? 'month' : 'months'}`;
