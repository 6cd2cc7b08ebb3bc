import { Decimal, formatMoney } from '@/lib/money';

export interface TAnnualDiscount {
  /** The annual price that will be charged: the one given, or the seed default monthly × 10. */
  annual: Decimal;
  isDefault: boolean;
  /** Months of the year not paid for, to one decimal (2 for the default). */
  monthsFree: Decimal;
  /** Whole percent off twelve monthly payments. */
  percentOff: Decimal;
  savings: Decimal;
}

/**
 * What an annual price means next to twelve monthly ones. Null when there is nothing to say: no
 * usable monthly price yet, or an annual price that is not below monthly × 12.
 */
export function annualDiscount(monthly: number | undefined, annual: number | undefined): TAnnualDiscount | null {
  if (!isAmount(monthly) || monthly <= 0) return null;
  const month = new Decimal(String(monthly));
  const isDefault = !isAmount(annual);
  // Seed: price_annual defaults to price_monthly × 10.
  const year = isDefault ? month.times(10) : new Decimal(String(annual));
  const twelve = month.times(12);
  if (year.greaterThanOrEqualTo(twelve)) return null;
  const savings = twelve.minus(year);
  return {
    annual: year,
    isDefault,
    monthsFree: savings.dividedBy(month).toDecimalPlaces(1, Decimal.ROUND_HALF_UP),
    percentOff: savings.dividedBy(twelve).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP),
    savings,
  };
}

/** "2 months free (17% off, saves Rp 300.000 a year)". */
export function describeAnnualDiscount(discount: TAnnualDiscount, currency: string): string {
  const months = discount.monthsFree;
  const monthsText = months.equals(1) ? '1 month free' : `${months.toString()} months free`;
  return `${monthsText} (${discount.percentOff.toString()}% off, saves ${formatMoney(discount.savings, currency)} a year)`;
}

const isAmount = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
