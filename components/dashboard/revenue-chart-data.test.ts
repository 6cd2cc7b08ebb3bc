import { describe, expect, it } from 'vitest';
import type { TRevenueSeries } from '@/lib/billing/analytics/schemas';
import { bucketTick, bucketTitle, hasRevenue, revenuePoints, seriesTotals } from './revenue-chart-data';

const series: TRevenueSeries = {
  currency: 'IDR',
  interval: 'week',
  from: '2026-03-01',
  to: '2026-03-16',
  buckets: [
    { start: '2026-03-01', end: '2026-03-02', gross_revenue: 133200, refunds: 0, net_revenue: 133200, discounts: 0 },
    { start: '2026-03-02', end: '2026-03-09', gross_revenue: 0.1, refunds: 0, net_revenue: 0.1, discounts: 0 },
    { start: '2026-03-09', end: '2026-03-16', gross_revenue: 0.2, refunds: 405250, net_revenue: -405249.8, discounts: 0 },
  ],
};

describe('revenue chart data', () => {
  it('labels buckets by their days, clipped buckets included', () => {
    expect(bucketTick('2026-03-02', 'week')).toBe('2 Mar');
    expect(bucketTick('2026-03-01', 'month')).toBe('Mar 26');
    expect(bucketTitle('2026-03-02', '2026-03-03', 'day')).toBe('Mon, 2 Mar 2026');
    expect(bucketTitle('2026-03-02', '2026-03-09', 'week')).toBe('2 – 8 Mar 2026');
    expect(bucketTitle('2026-03-01', '2026-04-01', 'month')).toBe('March 2026');
    expect(bucketTitle('2026-03-10', '2026-04-01', 'month')).toBe('10 – 31 Mar 2026');
  });

  it('plots refunds below the axis and shows every amount as formatMoney writes it', () => {
    const [, , last] = revenuePoints(series);
    expect(last).toMatchObject({ refunds: -405250, refundsText: 'Rp 405.250', net: -405249.8, title: '9 – 15 Mar 2026' });
  });

  it('totals in decimal, equal to the overview', () => {
    const totals = seriesTotals(series);
    expect(totals.gross.toString()).toBe('133200.3');
    expect(totals.net.toString()).toBe('-272049.7');
  });

  it('has nothing to chart when nothing was paid or refunded', () => {
    expect(hasRevenue(series)).toBe(true);
    const zeros = series.buckets.map((bucket) => ({ ...bucket, gross_revenue: 0, refunds: 0, net_revenue: 0 }));
    expect(hasRevenue({ ...series, buckets: zeros })).toBe(false);
  });
});
