import { describe, expect, it } from 'vitest';
import { Decimal } from '../../lib/money';
import { addonSeedRows } from './addons';
import { buildDemoBilling } from './build-demo-billing';
import { couponSeedRows } from './coupons';
import type { TSeedCatalog } from './demo-subscriptions';
import { DEMO_ORGANIZATIONS } from './organizations';
import { planSeedRows } from './plans';

// The catalog as the seed inserts it; decimals stay strings, which the engine reads the same way.
function catalogFor(now: Date): TSeedCatalog {
  const plans = planSeedRows(now);
  const coupons = couponSeedRows(now, new Map(plans.map((plan) => [plan.slug, plan.id!])));
  return { plans, addons: addonSeedRows(now), coupons } as unknown as TSeedCatalog;
}

function build(now: Date) {
  const catalog = catalogFor(now);
  return { catalog, demo: buildDemoBilling({ now, organizations: DEMO_ORGANIZATIONS, catalog, refundActorId: null }) };
}

// The first minutes of a month, the middle, the last day: the demo must hold up whatever the date.
const MOMENTS = ['2026-12-01T00:30:00Z', '2026-11-25T13:00:00Z', '2027-02-28T23:59:00Z'].map((iso) => new Date(iso));

describe.each(MOMENTS)('demo billing seeded at %s', (now) => {
  const { catalog, demo } = build(now);
  const byStatus = (status: string) => demo.invoices.filter((invoice) => invoice.status === status);

  it('has 60 tenants, each with one subscription, about nine of them cancelled', () => {
    expect(demo.organizations).toHaveLength(60);
    expect(demo.subscriptions).toHaveLength(60);
    expect(demo.subscriptions.filter((s) => s.status === 'cancelled' && s.cancelledAt)).toHaveLength(9);
  });

  it('has at least 200 paid invoices and some in every other status', () => {
    expect(byStatus('paid').length).toBeGreaterThanOrEqual(200);
    for (const status of ['draft', 'open', 'void', 'partially_refunded', 'refunded']) expect(byStatus(status).length, status).toBeGreaterThan(0);
  });

  it('gives every invoice lines that sum to its total, and subtotal − discount + tax = total', () => {
    for (const invoice of demo.invoices) {
      const lines = demo.invoiceLines.filter((line) => line.invoiceId === invoice.id);
      const sum = lines.reduce((total, line) => total.plus(line.amount as string), new Decimal(0));
      expect(sum.eq(invoice.total as string), invoice.number).toBe(true);
      const { subtotal, discountTotal, taxTotal, total } = invoice as Record<string, string>;
      expect(new Decimal(subtotal!).minus(discountTotal!).plus(taxTotal!).eq(total!)).toBe(true);
      expect(new Decimal(total!).decimalPlaces()).toBe(0);
    }
  });

  it('has customers in every state the customer page shows', () => {
    const live = demo.subscriptions.filter((s) => s.status !== 'cancelled');
    expect(live.filter((s) => s.pendingChange).length).toBe(2);
    expect(live.filter((s) => s.cancelAtPeriodEnd).length).toBe(2);
    expect(live.some((s) => !s.pendingChange && !s.cancelAtPeriodEnd)).toBe(true);
    expect(demo.subscriptions.some((s) => s.status === 'cancelled')).toBe(true);
    const repeating = new Map(catalog.coupons.filter((c) => c.duration === 'repeating').map((c) => [c.id, c.durationInCycles!]));
    expect(live.some((s) => s.couponId && repeating.has(s.couponId) && s.couponCyclesUsed! > 0 && s.couponCyclesUsed! < repeating.get(s.couponId)!)).toBe(true);
    const units = new Map(catalog.addons.map((a) => [a.id, a.unit]));
    expect(demo.subscriptionAddons.some((a) => units.get(a.addonId) === 'per_agent')).toBe(true);
    expect(demo.subscriptionAddons.some((a) => units.get(a.addonId) === 'flat')).toBe(true);
  });

  it('numbers invoices uniquely as INV-YYYYMM-NNNN', () => {
    const numbers = demo.invoices.map((invoice) => invoice.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^INV-\d{6}-\d{4}$/);
  });

  it('records one redemption per subscription its coupon discounted, and no coupon goes past max_uses', () => {
    const discounted = demo.invoices.filter((invoice) => new Decimal(invoice.discountTotal as string).gt(0));
    const holders = [...new Set(discounted.map((invoice) => invoice.subscriptionId))].sort();
    expect(demo.redemptions.map((r) => r.subscriptionId).sort()).toEqual(holders);
    const pairs = demo.redemptions.map((r) => `${r.couponId}:${r.organizationId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const coupon of catalog.coupons) {
      const uses = demo.couponUses.get(coupon.id) ?? 0;
      expect(uses).toBe(demo.redemptions.filter((r) => r.couponId === coupon.id).length);
      if (coupon.maxUses !== null) expect(uses).toBeLessThanOrEqual(coupon.maxUses);
    }
    const launch = catalog.coupons.find((coupon) => coupon.code === 'LAUNCH50')!;
    expect(demo.couponUses.get(launch.id)).toBe(launch.maxUses); // the exhausted coupon
  });

  it('pays paid and refunded invoices in full, once, and refunds what amount_refunded says', () => {
    for (const invoice of demo.invoices) {
      const payments = demo.payments.filter((p) => p.invoiceId === invoice.id);
      const refunds = demo.refunds.filter((r) => r.invoiceId === invoice.id);
      const settled = ['paid', 'partially_refunded', 'refunded'].includes(invoice.status);
      expect(payments.map((p) => p.amount)).toEqual(settled ? [invoice.total] : []);
      expect(invoice.amountPaid).toBe(settled ? invoice.total : '0');
      const refunded = refunds.reduce((total, r) => total.plus(r.amount as string), new Decimal(0));
      expect(refunded.eq(invoice.amountRefunded as string)).toBe(true);
      if (invoice.status === 'refunded') expect(refunded.eq(invoice.total as string)).toBe(true);
      if (invoice.status === 'partially_refunded') expect(refunded.gt(0) && refunded.lt(invoice.total as string)).toBe(true);
      if (invoice.status === 'draft') expect(invoice.issuedAt).toBeNull();
      if (invoice.status === 'open') expect([invoice.issuedAt, invoice.paidAt === null]).toEqual([expect.any(Date), true]);
    }
  });

  it('puts nothing in the future', () => {
    const dates = [
      ...demo.invoices.flatMap((i) => [i.issuedAt, i.paidAt, i.voidedAt, i.createdAt]),
      ...demo.payments.map((p) => p.paidAt),
      ...demo.refunds.map((r) => r.createdAt),
      ...demo.redemptions.map((r) => r.redeemedAt),
      ...demo.subscriptions.flatMap((s) => [s.startedAt, s.cancelledAt]),
    ].filter((date): date is Date => date instanceof Date);
    for (const date of dates) expect(date.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('bills no cancelled subscription after the month it was cancelled in', () => {
    for (const subscription of demo.subscriptions.filter((s) => s.cancelledAt)) {
      const cancelled = subscription.cancelledAt as Date;
      const cutoff = Date.UTC(cancelled.getUTCFullYear(), cancelled.getUTCMonth() + 1, 1);
      for (const invoice of demo.invoices.filter((i) => i.subscriptionId === subscription.id)) {
        expect((invoice.periodStart as Date).getTime()).toBeLessThan(cutoff);
      }
    }
  });
});

describe('demo billing', () => {
  it('is the same on every run for the same month (deterministic)', () => {
    const now = MOMENTS[1]!;
    expect(build(now).demo).toEqual(build(now).demo);
  });
});
