import { Decimal, decimalFromJsonNumber, formatMoney } from '@/lib/money';

/** money: an amount in the overview's currency; count: a whole number; rate: a fraction (0.1667 = 16.7%). */
export type TMetricKind = 'money' | 'count' | 'rate';
/** Which way a figure should move: churn and refunds are better down; discounts and redemptions are neither. */
export type TGoodDirection = 'up' | 'down' | 'neither';

export interface TChange {
  direction: 'up' | 'down' | 'flat' | 'none';
  tone: 'good' | 'bad' | 'neutral';
  /** "12.5%", "2.1 pts", or "—" when there is nothing to compare with. */
  text: string;
}

const NO_CHANGE: TChange = { direction: 'none', tone: 'neutral', text: '—' };
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('en-US');

/**
 * Period-over-period change. Amounts and counts change by a percentage of the previous value (of
 * its size, so a negative net revenue that grows less negative reads as up); undefined when the
 * previous value is 0 or unknown. A rate changes by percentage points: 10% → 15% is +5.0 pts, not
 * +50%. Decimal arithmetic, so the shown digit is the rounded true ratio.
 */
export function periodChange(current: number | null, previous: number | null, kind: TMetricKind, good: TGoodDirection): TChange {
  if (current === null || previous === null) return NO_CHANGE;
  const [now, before] = [decimalFromJsonNumber(current), decimalFromJsonNumber(previous)];
  let delta: Decimal;
  if (kind === 'rate') {
    delta = now.minus(before).times(100);
  } else {
    if (before.isZero()) return NO_CHANGE;
    delta = now.minus(before).div(before.abs()).times(100);
  }
  const rounded = delta.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  const direction = rounded.isZero() ? 'flat' : rounded.isPositive() ? 'up' : 'down';
  const tone = direction === 'flat' || good === 'neither' ? 'neutral' : (direction === 'up') === (good === 'up') ? 'good' : 'bad';
  const size = ONE_DECIMAL.format(rounded.abs().toNumber());
  return { direction, tone, text: kind === 'rate' ? `${size} pts` : `${size}%` };
}

/** A figure as the tiles show it: money in its currency, counts grouped, rates as percentages with 1 decimal. */
export function formatFigure(value: number | null, kind: TMetricKind, currency: string): string {
  if (value === null) return '—';
  if (kind === 'money') return formatMoney(decimalFromJsonNumber(value), currency);
  if (kind === 'count') return COUNT.format(value);
  return `${ONE_DECIMAL.format(decimalFromJsonNumber(value).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber())}%`;
}
