import { beforeAll, describe, expect, it } from 'vitest';
import { GET as couponsRoute } from '@/app/api/v1/admin/billing/analytics/coupons/route';
import { credentialsFor } from '@/tests/integration/actors';
import { seedAnalyticsDataset } from '@/tests/integration/analytics-dataset';
import { apiAs } from '@/tests/integration/api-client';
import { ZCouponBreakdown, type TCouponBreakdown } from './schemas';

// The dataset (redemptions R1–R5, invoices I1–I11): tests/integration/analytics-dataset.ts.
let api: ReturnType<typeof apiAs>;
let world: Awaited<ReturnType<typeof seedAnalyticsDataset>>;
const breakdown = async (query: Record<string, string>): Promise<TCouponBreakdown> => {
  const result = await api(couponsRoute, { query });
  expect(result.status).toBe(200);
  return ZCouponBreakdown.parse(result.body);
};

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  world = await seedAnalyticsDataset();
});

describe('GET /analytics/coupons', () => {
  it('IDR, March 2026: redemptions by redemption date, discounts of paid invoices by paid date, most redeemed first', async () => {
    const result = await breakdown({ from: '2026-03-01', to: '2026-04-01', currency: 'IDR' });
    expect(result).toEqual({
      currency: 'IDR',
      from: '2026-03-01',
      to: '2026-04-01',
      coupons: [
        // Equally redeemed: the larger paid discounts first.
        { coupon_id: world.coupon.once.id, code: 'ONCE50', discount_type: 'percentage', discount_value: 50, duration: 'once', redemptions: 1, redeemed_amount: 50_000, paid_discounts: 50_000 },
        {
          coupon_id: world.coupon.forever.id, code: 'FOREVER125', discount_type: 'percentage', discount_value: 12.5, duration: 'forever',
          redemptions: 1, // R1 (applied to s1); R5 is USD
          redeemed_amount: 47_500, // discounts of invoices issued in March: I1 and I9 (still open), 23.750 each
          paid_discounts: 23_750, // only I1 is paid
        },
        // REPEAT25K was redeemed and paid in February only: not listed.
      ],
    });
    // The paid discounts add up to the overview's `discounts` (73.750).
    expect(result.coupons.reduce((sum, coupon) => sum + coupon.paid_discounts, 0)).toBe(73_750);
  });

  it('the previous period has the fixed coupon', async () => {
    const result = await breakdown({ from: '2026-01-29', to: '2026-03-01', currency: 'IDR' });
    expect(result.coupons).toEqual([
      { coupon_id: world.coupon.repeat.id, code: 'REPEAT25K', discount_type: 'fixed', discount_value: 25_000, duration: 'repeating', redemptions: 1, redeemed_amount: 25_000, paid_discounts: 25_000 },
    ]);
  });

  it('USD: the same coupon with its USD use only', async () => {
    const result = await breakdown({ from: '2026-03-01', to: '2026-04-01', currency: 'USD' });
    expect(result.coupons).toEqual([
      { coupon_id: world.coupon.forever.id, code: 'FOREVER125', discount_type: 'percentage', discount_value: 12.5, duration: 'forever', redemptions: 1, redeemed_amount: 62.49, paid_discounts: 62.49 },
    ]);
  });

  it('a range without coupon use is an empty list', async () => {
    expect((await breakdown({ from: '2025-01-01', to: '2025-02-01', currency: 'IDR' })).coupons).toEqual([]);
  });
});
