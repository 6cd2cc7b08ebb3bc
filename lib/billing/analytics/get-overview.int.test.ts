import { beforeAll, describe, expect, it } from 'vitest';
import { GET as overviewRoute } from '@/app/api/v1/admin/billing/analytics/overview/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { seedAnalyticsDataset, useJakartaSessions } from '@/tests/integration/analytics-dataset';
import { apiAs } from '@/tests/integration/api-client';
import { ZOverview, type TOverview } from './schemas';

// The dataset and the arithmetic behind every figure: tests/integration/analytics-dataset.ts.
let api: ReturnType<typeof apiAs>;
const overview = async (query: Record<string, string>): Promise<TOverview> => {
  const result = await api(overviewRoute, { query });
  expect(result.status).toBe(200);
  return ZOverview.parse(result.body);
};
const MARCH = { from: '2026-03-01', to: '2026-04-01' };

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  await seedAnalyticsDataset();
  await useJakartaSessions();
});

describe('GET /analytics/overview', () => {
  it('sessions run in UTC even where the database default time zone is not (lib/db.ts)', async () => {
    const [session] = await db().$queryRaw<{ timezone: string }[]>`SELECT current_setting('TimeZone') AS timezone`;
    expect(session!.timezone).toBe('UTC');
  });

  it('IDR, March 2026: every tile of the current period', async () => {
    const { currency, current } = await overview({ ...MARCH, currency: 'IDR' });
    expect(currency).toBe('IDR');
    expect(current).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
      // Active at 2026-04-01: s1, s2, s3, s4 (past_due), s6, s7 — s5 was cancelled on 16 March.
      active_subscriptions: 6,
      // o1, o2, o3, o4, o6, o7.
      active_organizations: 6,
      // Active at 2026-03-01: s1, s2, s4, s5, s6, s7.
      active_subscriptions_at_start: 6,
      new_subscriptions: 1, // s3, started 10 March
      churned_subscriptions: 1, // s5, cancelled 16 March
      churn_rate: 0.1667, // 1 / 6
      // Monthly: s1 166.250 + s3 100.000 + s4 450.000 + s6 275.000 = 991.250 → ARR 11.895.000.
      // Annual: s2 2.990.000 + s7 1.880.000 = 4.870.000 (s7's coupon has no cycles left).
      // ARR 16.765.000; MRR 16.765.000 / 12 = 1.397.083,33 → 1.397.083, rounded once at the end
      // (rounding s2 and s7 on their own, 249.166,67 → 249.167 and 156.666,67 → 156.667, would give 1.397.084).
      mrr: 1_397_083,
      arr: 16_765_000,
      arpa: 232_847, // 16.765.000 / 12 / 6 = 232.847,22
      // Paid in March: I1 184.538 + I3 499.500 + I4 133.200 (00:00 on 1 March) + I6 55.500 (23:59:59.999 on 31 March)
      // = 872.738; I7 (00:00 on 1 April) and the open I9 are not revenue. I1 and I3 count in full although refunded since.
      gross_revenue: 872_738,
      // Succeeded refunds made in March: I5 305.250 (paid in February) + I3 100.000; not I3's failed 50.000,
      // nor I1's 10.000 made on 2 April.
      refunds: 405_250,
      net_revenue: 467_488, // 872.738 − 405.250
      discounts: 73_750, // I1 23.750 + I6 50.000; I9's 23.750 is unpaid
      coupon_redemptions: 2, // R1 (s1), R2 (s3); the USD redemption is not IDR
    });
  });

  it('IDR: the previous period is the 31 days before March, with its own snapshot and flows', async () => {
    const { previous } = await overview({ ...MARCH, currency: 'IDR' });
    expect(previous).toEqual({
      from: '2026-01-29',
      to: '2026-03-01',
      active_subscriptions: 6, // at 2026-03-01: s1, s2, s4, s5, s6, s7
      active_organizations: 6,
      active_subscriptions_at_start: 7, // at 2026-01-29: s1, s2, s4, s5, s7, s8, s11
      new_subscriptions: 1, // s6
      churned_subscriptions: 2, // s8, s11
      churn_rate: 0.2857, // 2 / 7
      // Monthly: s1 166.250 + s4 450.000 + s5 120.000 + s6 275.000 = 1.011.250 → 12.135.000; + annual 4.870.000.
      arr: 17_005_000,
      mrr: 1_417_083, // 17.005.000 / 12 = 1.417.083,33
      arpa: 236_181, // 17.005.000 / 72 = 236.180,56
      gross_revenue: 416_250, // I5 305.250 + I8 111.000 (paid at the period's first instant)
      refunds: 11_000, // I8's refund in February
      net_revenue: 405_250,
      discounts: 25_000, // I5
      coupon_redemptions: 1, // R3
    });
  });

  it('active at the end = active at the start + new − churned, in both periods', async () => {
    const { current, previous } = await overview({ ...MARCH, currency: 'IDR' });
    for (const period of [current, previous]) {
      expect(period.active_subscriptions).toBe(period.active_subscriptions_at_start + period.new_subscriptions - period.churned_subscriptions);
    }
    expect(previous.active_subscriptions).toBe(current.active_subscriptions_at_start);
  });

  it('USD figures are separate: never summed with IDR', async () => {
    const { current, previous } = await overview({ ...MARCH, currency: 'USD' });
    expect(current).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
      active_subscriptions: 2, // s9, s10
      active_organizations: 2,
      active_subscriptions_at_start: 1, // s9
      new_subscriptions: 1, // s10
      churned_subscriptions: 0,
      churn_rate: 0,
      // s9 59.49 × 12 = 713.88; s10 437.41 a year (499.90 − 62.49): ARR 1,151.29; MRR 95.9408… → 95.94.
      arr: 1151.29,
      mrr: 95.94,
      arpa: 47.97, // 1,151.29 / 24 = 47.9704…
      gross_revenue: 551.56, // I10 66.03 + I11 485.53
      refunds: 16.03,
      net_revenue: 535.53,
      discounts: 62.49,
      coupon_redemptions: 1,
    });
    expect(previous).toMatchObject({ active_subscriptions: 1, mrr: 59.49, arr: 713.88, arpa: 59.49, gross_revenue: 0, refunds: 0, churn_rate: 0 });
  });

  it('a currency without data: zeros, and null where a denominator is 0', async () => {
    const { current } = await overview({ ...MARCH, currency: 'EUR' });
    expect(current).toMatchObject({ mrr: 0, arr: 0, active_subscriptions: 0, churn_rate: null, arpa: null, gross_revenue: 0, net_revenue: 0, coupon_redemptions: 0 });
  });

  it('a cancelled subscription is in MRR before its cancellation and not after it', async () => {
    // s5 (120.000 a month) was cancelled at 12:00 on 16 March: in the snapshot at 16 March 00:00, not at 17 March.
    const before = await overview({ from: '2026-03-15', to: '2026-03-16', currency: 'IDR' });
    const after = await overview({ from: '2026-03-16', to: '2026-03-17', currency: 'IDR' });
    expect(before.current.mrr - after.current.mrr).toBe(120_000);
    expect(after.current.churned_subscriptions).toBe(1);
    expect(before.current.churned_subscriptions).toBe(0);
  });
});
