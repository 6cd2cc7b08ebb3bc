import type { TAnalyticsInterval, TRevenueSeries } from '@/lib/billing/analytics/schemas';
import { Decimal, decimalFromJsonNumber, formatMoney } from '@/lib/money';
import { formatRange } from './dashboard-range';

/** One bar group of the revenue chart. Amounts are plotted as numbers and shown as the server formatted them. */
export interface TRevenuePoint {
  start: string;
  end: string;
  /** The axis label: "3 Nov" for days and weeks, "Nov 26" for months. */
  tick: string;
  /** The tooltip's heading: "Mon, 3 Nov 2026", "3 – 9 Nov 2026", "November 2026". */
  title: string;
  gross: number;
  /** Negative, so refunds hang below the axis under the gross bar. */
  refunds: number;
  net: number;
  grossText: string;
  refundsText: string;
  netText: string;
}

const UTC = { timeZone: 'UTC' } as const;
const DAY_TICK = new Intl.DateTimeFormat('en-GB', { ...UTC, day: 'numeric', month: 'short' });
const MONTH_TICK = new Intl.DateTimeFormat('en-GB', { ...UTC, month: 'short', year: '2-digit' });
const DAY_TITLE = new Intl.DateTimeFormat('en-GB', { ...UTC, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const MONTH_TITLE = new Intl.DateTimeFormat('en-GB', { ...UTC, month: 'long', year: 'numeric' });
const day = (date: string) => new Date(`${date}T00:00:00Z`);

export function bucketTick(start: string, interval: TAnalyticsInterval): string {
  return (interval === 'month' ? MONTH_TICK : DAY_TICK).format(day(start));
}

/** A bucket's days, end inclusive; a whole calendar month by its name. Clipped buckets show their real days. */
export function bucketTitle(start: string, end: string, interval: TAnalyticsInterval): string {
  if (interval === 'day') return DAY_TITLE.format(day(start));
  const wholeMonth = interval === 'month' && start.endsWith('-01') && end.endsWith('-01');
  return wholeMonth ? MONTH_TITLE.format(day(start)) : formatRange({ from: start, to: end });
}

export function revenuePoints(series: TRevenueSeries): TRevenuePoint[] {
  const money = (amount: number) => formatMoney(decimalFromJsonNumber(amount), series.currency);
  return series.buckets.map((bucket) => ({
    start: bucket.start,
    end: bucket.end,
    tick: bucketTick(bucket.start, series.interval),
    title: bucketTitle(bucket.start, bucket.end, series.interval),
    gross: bucket.gross_revenue,
    refunds: -bucket.refunds,
    net: bucket.net_revenue,
    grossText: money(bucket.gross_revenue),
    refundsText: money(bucket.refunds),
    netText: money(bucket.net_revenue),
  }));
}

/** False when nothing was paid or refunded in the range: the chart would be a flat line. */
export function hasRevenue(series: TRevenueSeries): boolean {
  return series.buckets.some((bucket) => bucket.gross_revenue !== 0 || bucket.refunds !== 0);
}

/** Sums of the buckets (equal to the overview's figures for the range), in decimal. */
export function seriesTotals(series: TRevenueSeries): { gross: Decimal; refunds: Decimal; net: Decimal } {
  const sum = (pick: (bucket: TRevenueSeries['buckets'][number]) => number) =>
    series.buckets.reduce((total, bucket) => total.plus(decimalFromJsonNumber(pick(bucket))), new Decimal(0));
  return { gross: sum((bucket) => bucket.gross_revenue), refunds: sum((bucket) => bucket.refunds), net: sum((bucket) => bucket.net_revenue) };
}
