import { beforeAll, describe, expect, it } from 'vitest';
import { computeInvoice } from '@/lib/billing/invoices/compute-invoice';
import { couponApplies } from '@/lib/billing/invoices/coupon-applies';
import { db } from '@/lib/db';
import { Decimal, moneyToJson, roundMoney } from '@/lib/money';
import { seedDatabase } from '@/prisma/seed';
import { getOverview } from './get-overview';
import { getPlanBreakdown } from './get-plan-breakdown';
import { getRevenueSeries } from './get-revenue-series';
import { ZAnalyticsQuery, type TAnalyticsQuery } from './schemas';

/**
 * The SQL against an independent computation on the demo seed's 60 tenants and 12 months of
 * invoices (every coupon kind and status, add-ons, cancellations): MRR as the sum of what
 * computeInvoice bills each active subscription, revenue as Prisma's own sums.
 */
const NOW = new Date('2026-11-25T12:00:00Z');
const query = (raw: Record<string, string>): TAnalyticsQuery => ZAnalyticsQuery.parse(raw);
const RANGE = { from: '2026-10-27', to: '2026-11-26', currency: 'IDR' };

// The demo's 24 months are made through the API in-process (prisma/seed-data/demo-story.ts): a minute or two on a loaded machine.
beforeAll(async () => {
  await seedDatabase(db(), { now: NOW });
}, 300_000);

describe('analytics on the demo data', () => {
  it('MRR equals the sum, over subscriptions active at `to`, of computeInvoice without tax and overage', async () => {
    const at = new Date('2026-11-26T00:00:00Z');
    const subscriptions = await db().subscription.findMany({ where: { currency: 'IDR' }, include: { plan: true, coupon: true, addons: { include: { addon: true } } } });
    let monthly = new Decimal(0);
    let annual = new Decimal(0);
    const counted = { active: 0, discounted: 0, withAddons: 0, annual: 0 };
    for (const s of subscriptions) {
      const active = s.startedAt < at && (s.cancelledAt ? s.cancelledAt >= at : s.status !== 'cancelled');
      if (!active) continue;
      counted.active++;
      const coupon = s.coupon;
      const recurring = coupon && (coupon.duration === 'forever' || (coupon.duration === 'repeating' && s.couponCyclesUsed < (coupon.durationInCycles ?? 0)));
      const applies = recurring && couponApplies(coupon, { planId: s.planId, currency: s.currency, at }).ok;
      const invoice = computeInvoice({
        currency: s.currency,
        billingCycle: s.billingCycle,
        plan: { ...s.plan, limits: s.plan.limits as { max_agents: number | null; max_messages_month: number | null } },
        agentCount: s.agentCount,
        messagesUsed: 0,
        addons: s.addons.filter(({ addon }) => addon.currency === s.currency).map(({ addon, quantity }) => ({ ...addon, quantity })),
        coupon: applies ? coupon : null,
        taxRate: '0',
      });
      if (s.billingCycle === 'monthly') monthly = monthly.plus(invoice.total);
      else annual = annual.plus(invoice.total);
      if (invoice.discountTotal.gt(0)) counted.discounted++;
      if (s.addons.length > 0) counted.withAddons++;
      if (s.billingCycle === 'annual') counted.annual++;
    }
    const expected = roundMoney(monthly.plus(annual.dividedBy(12)), 'IDR');

    const { current } = await getOverview(query(RANGE));
    // Not vacuous: the demo has each case the formula distinguishes.
    expect(counted.active).toBeGreaterThan(25);
    for (const kind of ['discounted', 'withAddons', 'annual'] as const) expect(counted[kind], kind).toBeGreaterThan(0);
    expect(current.active_subscriptions).toBe(counted.active);
    expect(current.mrr).toBe(moneyToJson(expected));
    expect(current.arr).toBe(moneyToJson(roundMoney(monthly.times(12).plus(annual), 'IDR')));
  });

  it('revenue, refunds and discounts equal the sums of the rows behind them', async () => {
    const [from, to] = [new Date('2025-11-26T00:00:00Z'), new Date('2026-11-26T00:00:00Z')];
    const paid = await db().invoice.aggregate({ where: { currency: 'IDR', paidAt: { gte: from, lt: to } }, _sum: { amountPaid: true, discountTotal: true } });
    const refunded = await db().refund.aggregate({ where: { currency: 'IDR', status: 'succeeded', createdAt: { gte: from, lt: to } }, _sum: { amount: true } });
    const { current } = await getOverview(query({ ...RANGE, from: '2025-11-26' }));
    expect(current.gross_revenue).toBeGreaterThan(0);
    expect(current.refunds).toBeGreaterThan(0);
    expect(current.gross_revenue).toBe(moneyToJson(paid._sum.amountPaid ?? 0));
    expect(current.discounts).toBe(moneyToJson(paid._sum.discountTotal ?? 0));
    expect(current.refunds).toBe(moneyToJson(refunded._sum.amount ?? 0));
  });

  it('the monthly series adds up to the overview, and the plans to its MRR within a rupiah per plan', async () => {
    const year = { ...RANGE, from: '2025-11-26' };
    const { current } = await getOverview(query(year));
    const { buckets } = await getRevenueSeries(query({ ...year, interval: 'month' }));
    expect(buckets).toHaveLength(13); // 26 Nov 2025 … 26 Nov 2026: two partial months and 11 whole ones
    const sum = (key: 'gross_revenue' | 'refunds' | 'discounts') => buckets.reduce((total, bucket) => total.plus(String(bucket[key])), new Decimal(0)).toNumber();
    expect({ gross: sum('gross_revenue'), refunds: sum('refunds'), discounts: sum('discounts') })
      .toEqual({ gross: current.gross_revenue, refunds: current.refunds, discounts: current.discounts });

    const { plans } = await getPlanBreakdown(query(year));
    const planMrr = plans.reduce((total, plan) => total + plan.mrr, 0);
    expect(Math.abs(planMrr - current.mrr)).toBeLessThanOrEqual(plans.length);
    expect(plans.reduce((total, plan) => total + plan.active_subscriptions, 0)).toBe(current.active_subscriptions);
  });
});
