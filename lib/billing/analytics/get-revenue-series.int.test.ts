import { beforeAll, describe, expect, it } from 'vitest';
import { GET as revenueRoute } from '@/app/api/v1/admin/billing/analytics/revenue/route';
import { db } from '@/lib/db';
import { Decimal } from '@/lib/money';
import { credentialsFor } from '@/tests/integration/actors';
import { seedAnalyticsDataset, useJakartaSessions } from '@/tests/integration/analytics-dataset';
import { apiAs } from '@/tests/integration/api-client';
import { ZRevenueSeries, type TRevenueSeries } from './schemas';

// The dataset: tests/integration/analytics-dataset.ts (invoices I1–I11, refunds, in March 2026).
let api: ReturnType<typeof apiAs>;
const series = async (query: Record<string, string>): Promise<TRevenueSeries> => {
  const result = await api(revenueRoute, { query });
  expect(result.status).toBe(200);
  return ZRevenueSeries.parse(result.body);
};
const zero = { gross_revenue: 0, refunds: 0, net_revenue: 0, discounts: 0 };
const MARCH = { from: '2026-03-01', to: '2026-04-01' };

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  await seedAnalyticsDataset();
  // Buckets are UTC days whatever the database's default time zone: I6, paid at 23:59:59.999 UTC
  // on 31 March (06:59 on 1 April in Jakarta), must stay in March's last bucket. The app's
  // sessions are pinned to UTC (lib/db.ts), so a Jakarta default changes nothing.
  await useJakartaSessions();
  const [session] = await db().$queryRaw<{ timezone: string }[]>`SELECT current_setting('TimeZone') AS timezone`;
  expect(session!.timezone).toBe('UTC');
});

describe('GET /analytics/revenue', () => {
  it('by day: one bucket per day of March, days without money filled with zeros', async () => {
    const result = await series({ ...MARCH, currency: 'IDR', interval: 'day' });
    expect(result).toMatchObject({ currency: 'IDR', interval: 'day', from: '2026-03-01', to: '2026-04-01' });
    expect(result.buckets).toHaveLength(31);
    expect(result.buckets.map((bucket) => bucket.start)).toEqual(Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`));
    const nonZero = Object.fromEntries(result.buckets.filter((bucket) => bucket.gross_revenue || bucket.refunds).map((bucket) => [bucket.start, bucket]));
    expect(nonZero).toEqual({
      '2026-03-01': { start: '2026-03-01', end: '2026-03-02', ...zero, gross_revenue: 133_200, net_revenue: 133_200 }, // I4 at 00:00
      '2026-03-02': { start: '2026-03-02', end: '2026-03-03', ...zero, gross_revenue: 184_538, net_revenue: 184_538, discounts: 23_750 }, // I1
      '2026-03-05': { start: '2026-03-05', end: '2026-03-06', ...zero, gross_revenue: 499_500, net_revenue: 499_500 }, // I3
      // I5 was paid on 3 February; its refund counts on the refund's day.
      '2026-03-10': { start: '2026-03-10', end: '2026-03-11', ...zero, refunds: 305_250, net_revenue: -305_250 },
      // I3's partial refund; the failed 50.000 on 21 March moved no money.
      '2026-03-20': { start: '2026-03-20', end: '2026-03-21', ...zero, refunds: 100_000, net_revenue: -100_000 },
      '2026-03-31': { start: '2026-03-31', end: '2026-04-01', ...zero, gross_revenue: 55_500, net_revenue: 55_500, discounts: 50_000 }, // I6
    });
    expect(result.buckets.find((bucket) => bucket.start === '2026-03-03')).toEqual({ start: '2026-03-03', end: '2026-03-04', ...zero });
  });

  it('the buckets add up to the overview totals for the range', async () => {
    const { buckets } = await series({ ...MARCH, currency: 'IDR', interval: 'day' });
    const total = (key: keyof typeof zero) => buckets.reduce((sum, bucket) => sum + bucket[key], 0);
    // Gross 872.738, refunds 405.250, net 467.488, discounts 73.750 (see get-overview.int.test.ts).
    expect({ gross_revenue: total('gross_revenue'), refunds: total('refunds'), net_revenue: total('net_revenue'), discounts: total('discounts') })
      .toEqual({ gross_revenue: 872_738, refunds: 405_250, net_revenue: 467_488, discounts: 73_750 });
  });

  it('by week: ISO weeks (Monday) clipped to the range', async () => {
    // 1 March 2026 is a Sunday: its week began on 23 February, so the first bucket is the single day [1 March, 2 March).
    const { buckets } = await series({ ...MARCH, currency: 'IDR', interval: 'week' });
    expect(buckets).toEqual([
      { start: '2026-03-01', end: '2026-03-02', ...zero, gross_revenue: 133_200, net_revenue: 133_200 },
      // I1 184.538 + I3 499.500 = 684.038
      { start: '2026-03-02', end: '2026-03-09', ...zero, gross_revenue: 684_038, net_revenue: 684_038, discounts: 23_750 },
      { start: '2026-03-09', end: '2026-03-16', ...zero, refunds: 305_250, net_revenue: -305_250 },
      { start: '2026-03-16', end: '2026-03-23', ...zero, refunds: 100_000, net_revenue: -100_000 },
      { start: '2026-03-23', end: '2026-03-30', ...zero },
      { start: '2026-03-30', end: '2026-04-01', ...zero, gross_revenue: 55_500, net_revenue: 55_500, discounts: 50_000 },
    ]);
  });

  it('by month: calendar months clipped to the range, refunds by refund date', async () => {
    const { buckets } = await series({ from: '2026-01-15', to: '2026-04-15', currency: 'IDR', interval: 'month' });
    expect(buckets).toEqual([
      { start: '2026-01-15', end: '2026-02-01', ...zero, gross_revenue: 111_000, net_revenue: 111_000 }, // I8
      // I5 305.250 paid; I8's refund 11.000 made on 15 February.
      { start: '2026-02-01', end: '2026-03-01', gross_revenue: 305_250, refunds: 11_000, net_revenue: 294_250, discounts: 25_000 },
      { start: '2026-03-01', end: '2026-04-01', gross_revenue: 872_738, refunds: 405_250, net_revenue: 467_488, discounts: 73_750 },
      // I7 2.086.800 paid at 00:00 on 1 April; I1's refund of 10.000 on 2 April.
      { start: '2026-04-01', end: '2026-04-15', gross_revenue: 2_086_800, refunds: 10_000, net_revenue: 2_076_800, discounts: 0 },
    ]);
  });

  it('USD is its own series: no IDR amount in it', async () => {
    const { buckets } = await series({ ...MARCH, currency: 'USD', interval: 'month' });
    // I10 66.03 + I11 485.53 = 551.56; I10's refund 16.03.
    expect(buckets).toEqual([{ start: '2026-03-01', end: '2026-04-01', gross_revenue: 551.56, refunds: 16.03, net_revenue: 535.53, discounts: 62.49 }]);
    const daily = await series({ ...MARCH, currency: 'USD', interval: 'day' });
    const net = daily.buckets.reduce((sum, bucket) => sum.plus(String(bucket.net_revenue)), new Decimal(0));
    expect(net.toNumber()).toBe(535.53);
  });

  it('a single-day range is one bucket; interval defaults to day', async () => {
    const result = await series({ from: '2026-03-02', to: '2026-03-03', currency: 'IDR' });
    expect(result.interval).toBe('day');
    expect(result.buckets).toEqual([{ start: '2026-03-02', end: '2026-03-03', ...zero, gross_revenue: 184_538, net_revenue: 184_538, discounts: 23_750 }]);
  });
});
