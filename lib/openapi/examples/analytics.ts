import type { TOverview, TOverviewPeriod, TPlanBreakdown, TRevenueSeries } from '@/lib/billing/analytics/schemas';

/** Figures of the size the demo seed produces (60 tenants on IDR plans); definitions in docs/METRICS.md. */
const OCTOBER: TOverviewPeriod = {
  from: '2026-10-01',
  to: '2026-11-01',
  mrr: 52_340_000,
  arr: 628_080_000,
  active_subscriptions: 48,
  active_organizations: 48,
  active_subscriptions_at_start: 47,
  new_subscriptions: 3,
  churned_subscriptions: 2,
  churn_rate: 0.0426,
  arpa: 1_090_417,
  gross_revenue: 57_812_450,
  refunds: 1_250_000,
  net_revenue: 56_562_450,
  discounts: 2_140_000,
  coupon_redemptions: 6,
};

export const OVERVIEW: TOverview = {
  currency: 'IDR',
  current: OCTOBER,
  previous: { ...OCTOBER, from: '2026-09-01', to: '2026-10-01', mrr: 51_120_000, arr: 613_440_000, active_subscriptions: 47, new_subscriptions: 4, churned_subscriptions: 1, churn_rate: 0.0217 },
};

export const REVENUE_SERIES: TRevenueSeries = {
  currency: 'IDR',
  interval: 'month',
  from: '2026-09-01',
  to: '2026-11-01',
  buckets: [
    { start: '2026-09-01', end: '2026-10-01', gross_revenue: 55_430_900, refunds: 0, net_revenue: 55_430_900, discounts: 1_870_000 },
    { start: '2026-10-01', end: '2026-11-01', gross_revenue: 57_812_450, refunds: 1_250_000, net_revenue: 56_562_450, discounts: 2_140_000 },
  ],
};

export const PLAN_BREAKDOWN: TPlanBreakdown = {
  currency: 'IDR',
  from: '2026-10-01',
  to: '2026-11-01',
  plans: [
    { plan_id: '0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57', name: 'Growth', slug: 'growth', is_active: true, active_subscriptions: 21, mrr: 19_630_000, gross_revenue: 21_788_300 },
  ],
};
