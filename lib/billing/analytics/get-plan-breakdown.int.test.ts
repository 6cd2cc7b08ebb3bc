import { beforeAll, describe, expect, it } from 'vitest';
import { GET as plansRoute } from '@/app/api/v1/admin/billing/analytics/plans/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { seedAnalyticsDataset } from '@/tests/integration/analytics-dataset';
import { apiAs } from '@/tests/integration/api-client';
import { ZPlanBreakdown, type TPlanBreakdown } from './schemas';

// The dataset and each subscription's charge: tests/integration/analytics-dataset.ts.
let api: ReturnType<typeof apiAs>;
let world: Awaited<ReturnType<typeof seedAnalyticsDataset>>;
const breakdown = async (query: Record<string, string>): Promise<TPlanBreakdown> => {
  const result = await api(plansRoute, { query });
  expect(result.status).toBe(200);
  return ZPlanBreakdown.parse(result.body);
};

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  world = await seedAnalyticsDataset();
});

describe('GET /analytics/plans', () => {
  it('IDR, March 2026: subscribers and MRR at 1 April, revenue paid in March, every IDR plan in sort order', async () => {
    const result = await breakdown({ from: '2026-03-01', to: '2026-04-01', currency: 'IDR' });
    expect(result).toEqual({
      currency: 'IDR',
      from: '2026-03-01',
      to: '2026-04-01',
      plans: [
        {
          plan_id: world.plan.basic.id, name: 'Basic', slug: 'basic', is_active: true,
          active_subscriptions: 3, // s1, s3, s7 (s5 was cancelled on 16 March)
          // s1 166.250 + s3 100.000 + s7 1.880.000 / 12 = 156.666,67 → 422.916,67 → 422.917
          mrr: 422_917,
          // I1 184.538 (s1) + I4 133.200 (s5, cancelled since: its payment is still revenue) + I6 55.500 (s3)
          gross_revenue: 373_238,
        },
        {
          plan_id: world.plan.pro.id, name: 'Pro', slug: 'pro', is_active: true,
          active_subscriptions: 3, // s2, s4, s6
          // s4 450.000 + s6 275.000 + s2 2.990.000 / 12 = 249.166,67 → 974.166,67 → 974.167
          mrr: 974_167,
          gross_revenue: 499_500, // I3 (s4)
        },
        // Inactive and unused, listed with zeros so the table shows the whole catalog.
        { plan_id: world.plan.legacy.id, name: 'Legacy', slug: 'legacy', is_active: false, active_subscriptions: 0, mrr: 0, gross_revenue: 0 },
      ],
    });
    // Each row is rounded on its own: 422.917 + 974.167 = 1.397.084, one rupiah above the overview's 1.397.083.
  });

  it('USD lists only the USD plan, with USD figures', async () => {
    const result = await breakdown({ from: '2026-03-01', to: '2026-04-01', currency: 'USD' });
    expect(result.plans).toEqual([
      // s9 59.49 + s10 437.41 / 12 = 36.4508… → 95.9408… → 95.94; I10 66.03 + I11 485.53.
      { plan_id: world.plan.global.id, name: 'Global', slug: 'global', is_active: true, active_subscriptions: 2, mrr: 95.94, gross_revenue: 551.56 },
    ]);
  });

  it('February: the snapshot at 1 March still has the subscription cancelled on 16 March', async () => {
    const result = await breakdown({ from: '2026-02-01', to: '2026-03-01', currency: 'IDR' });
    const basic = result.plans.find((plan) => plan.slug === 'basic');
    // s1 166.250 + s5 120.000 + s7 156.666,67 = 442.916,67; no basic invoice was paid in February.
    expect(basic).toMatchObject({ active_subscriptions: 3, mrr: 442_917, gross_revenue: 0 });
    // I5 305.250 (s6), paid 3 February.
    expect(result.plans.find((plan) => plan.slug === 'pro')).toMatchObject({ active_subscriptions: 3, gross_revenue: 305_250 });
  });

  it('revenue stays with the plan an invoice was issued under when the tenant changes plan', async () => {
    const march = { from: '2026-03-01', to: '2026-04-01', currency: 'IDR' };
    const before = await breakdown(march);
    const invoice = await db().invoice.findFirstOrThrow({
      where: { planId: world.plan.basic.id, paidAt: { gte: new Date('2026-03-01'), lt: new Date('2026-04-01') }, subscription: { cancelledAt: null, status: 'active' } },
    });
    await db().subscription.update({ where: { id: invoice.subscriptionId }, data: { planId: world.plan.pro.id } });
    try {
      const after = await breakdown(march);
      const figures = (result: TPlanBreakdown, slug: string) => result.plans.find((plan) => plan.slug === slug)!;
      expect(figures(after, 'basic').gross_revenue).toBe(figures(before, 'basic').gross_revenue);
      expect(figures(after, 'pro').gross_revenue).toBe(figures(before, 'pro').gross_revenue);
      // MRR, on the other hand, follows the subscription to its plan now.
      expect(figures(after, 'pro').active_subscriptions).toBe(figures(before, 'pro').active_subscriptions + 1);
      expect(figures(after, 'basic').active_subscriptions).toBe(figures(before, 'basic').active_subscriptions - 1);
    } finally {
      await db().subscription.update({ where: { id: invoice.subscriptionId }, data: { planId: world.plan.basic.id } });
    }
  });
});
