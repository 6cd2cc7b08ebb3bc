import pg from 'pg';
import { db } from '@/lib/db';
import type { BillingCycle, InvoiceStatus, SubscriptionStatus } from '@/lib/generated/prisma/enums';

/**
 * The small, fixed world the analytics tests compute by hand (lib/billing/analytics/*.int.test.ts).
 * The reference range is March 2026, [2026-03-01, 2026-04-01); its previous period is
 * [2026-01-29, 2026-03-01) (31 days). Every price below is the plan's or add-on's; the comment on
 * each subscription is its recurring charge per cycle as computeInvoice would bill it.
 *
 * Plans: basic IDR 100.000 / 1.000.000 a year, 2 agents included, 20.000 per extra agent;
 *        pro IDR 300.000 / 2.990.000 a year, 3 included, 50.000 per extra; legacy IDR (inactive,
 *        unused); global USD 49.99 / 499.90 a year, 1 included, 9.50 per extra.
 * Add-ons (IDR): wa flat 50.000 / 500.000; ai per agent 10.000 / 100.000.
 * Coupons: FOREVER125 12.5% forever; ONCE50 50% once; REPEAT25K IDR 25.000 fixed, 3 cycles.
 */
export const D = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);

export async function seedAnalyticsDataset() {
  const plan = {
    basic: await createPlan('basic', 'IDR', { monthly: '100000', annual: '1000000', perAgent: '20000', maxAgents: 2, sortOrder: 1 }),
    pro: await createPlan('pro', 'IDR', { monthly: '300000', annual: '2990000', perAgent: '50000', maxAgents: 3, sortOrder: 2 }),
    legacy: await createPlan('legacy', 'IDR', { monthly: '50000', annual: '500000', perAgent: '0', maxAgents: null, sortOrder: 3, inactive: true }),
    global: await createPlan('global', 'USD', { monthly: '49.99', annual: '499.90', perAgent: '9.50', maxAgents: 1, sortOrder: 4 }),
  };
  const addon = {
    wa: await db().addon.create({ data: { name: 'WhatsApp channel', slug: 'wa', priceMonthly: '50000', priceAnnual: '500000', unit: 'flat', sortOrder: 1 } }),
    ai: await db().addon.create({ data: { name: 'AI assist', slug: 'ai', priceMonthly: '10000', priceAnnual: '100000', unit: 'per_agent', sortOrder: 2 } }),
  };
  const coupon = {
    forever: await db().coupon.create({ data: { code: 'FOREVER125', discountType: 'percentage', discountValue: '12.5', duration: 'forever', validFrom: D('2025-01-01') } }),
    once: await db().coupon.create({ data: { code: 'ONCE50', discountType: 'percentage', discountValue: '50', duration: 'once', validFrom: D('2025-01-01') } }),
    repeat: await db().coupon.create({
      data: { code: 'REPEAT25K', discountType: 'fixed', discountValue: '25000', currency: 'IDR', duration: 'repeating', durationInCycles: 3, validFrom: D('2025-01-01') },
    }),
  };
  const org = async (slug: string) =>
    db().organization.create({ data: { name: slug.toUpperCase(), slug, billingEmail: `billing@${slug}.test`, country: 'ID' } });
  const [o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11] = await Promise.all(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o10', 'o11'].map(org));

  const sub = {
    // 100.000 + 20.000 × 2 extra + wa 50.000 = 190.000, − 12.5% (23.750) = 166.250 a month.
    s1: await subscribe(o1!.id, plan.basic.id, 'monthly', 4, '2025-06-01', { couponId: coupon.forever.id, couponCyclesUsed: 9, addons: [addon.wa.id] }),
    // 2.990.000 a year, no extra agent.
    s2: await subscribe(o2!.id, plan.pro.id, 'annual', 3, '2025-11-15'),
    // New in March (its own organization: one live subscription per organization, SPEC §10); its once coupon is spent: 100.000 a month.
    s3: await subscribe(o3!.id, plan.basic.id, 'monthly', 2, '2026-03-10', { couponId: coupon.once.id, couponCyclesUsed: 1 }),
    // past_due still counts: 300.000 + 50.000 × 2 + ai 10.000 × 5 agents = 450.000 a month.
    s4: await subscribe(o4!.id, plan.pro.id, 'monthly', 5, '2025-01-01', { status: 'past_due', addons: [addon.ai.id] }),
    // Cancelled mid-March: 100.000 + 20.000 = 120.000 a month until then.
    s5: await subscribe(o5!.id, plan.basic.id, 'monthly', 3, '2025-09-01', { status: 'cancelled', cancelledAt: '2026-03-16T12:00:00.000Z' }),
    // New in February, 1 of 3 fixed-coupon cycles used: 300.000 − 25.000 = 275.000 a month.
    s6: await subscribe(o6!.id, plan.pro.id, 'monthly', 3, '2026-02-01', { couponId: coupon.repeat.id, couponCyclesUsed: 1 }),
    // Annual, coupon cycles used up: 1.000.000 + 20.000 × 12 × 2 + ai 100.000 × 4 = 1.880.000 a year.
    s7: await subscribe(o7!.id, plan.basic.id, 'annual', 4, '2025-04-01', { couponId: coupon.repeat.id, couponCyclesUsed: 3, addons: [addon.ai.id] }),
    // Cancelled in February (previous period).
    s8: await subscribe(o8!.id, plan.basic.id, 'monthly', 1, '2025-05-01', { status: 'cancelled', cancelledAt: '2026-02-10T09:00:00.000Z' }),
    s11: await subscribe(o11!.id, plan.basic.id, 'monthly', 2, '2025-10-01', { status: 'cancelled', cancelledAt: '2026-02-20T09:00:00.000Z' }),
    // USD: 49.99 + 9.50 × 1 extra = 59.49 a month.
    s9: await subscribe(o9!.id, plan.global.id, 'monthly', 2, '2025-12-01', { currency: 'USD' }),
    // USD, new in March: 499.90 − 12.5% (62.4875 → 62.49) = 437.41 a year.
    s10: await subscribe(o10!.id, plan.global.id, 'annual', 1, '2026-03-05', { currency: 'USD', couponId: coupon.forever.id, couponCyclesUsed: 1 }),
  };

  const inv = {
    i1: await invoice(sub.s1, 'I1', { status: 'partially_refunded', subtotal: '190000', discount: '23750', total: '184538', paidAt: '2026-03-02T10:00:00.000Z', couponId: coupon.forever.id }),
    i2: await invoice(sub.s2, 'I2', { status: 'paid', subtotal: '2990000', total: '3318900', paidAt: '2025-11-16T10:00:00.000Z' }),
    i3: await invoice(sub.s4, 'I3', { status: 'partially_refunded', subtotal: '450000', total: '499500', paidAt: '2026-03-05T09:00:00.000Z' }),
    // Paid at the very first instant of March: inside the range.
    i4: await invoice(sub.s5, 'I4', { status: 'paid', subtotal: '120000', total: '133200', paidAt: '2026-03-01T00:00:00.000Z' }),
    // Paid in February, refunded in full in March.
    i5: await invoice(sub.s6, 'I5', { status: 'refunded', subtotal: '300000', discount: '25000', total: '305250', paidAt: '2026-02-03T12:00:00.000Z', couponId: coupon.repeat.id }),
    // Paid at the very last millisecond of March (UTC; already 1 April in Jakarta).
    i6: await invoice(sub.s3, 'I6', { status: 'paid', subtotal: '100000', discount: '50000', total: '55500', paidAt: '2026-03-31T23:59:59.999Z', couponId: coupon.once.id }),
    // Paid at the first instant of April: outside March.
    i7: await invoice(sub.s7, 'I7', { status: 'paid', subtotal: '1880000', total: '2086800', paidAt: '2026-04-01T00:00:00.000Z' }),
    // Paid at the first instant of the previous period.
    i8: await invoice(sub.s11, 'I8', { status: 'partially_refunded', subtotal: '100000', total: '111000', paidAt: '2026-01-29T00:00:00.000Z' }),
    // Open, unpaid: never revenue, though its coupon was redeemed.
    i9: await invoice(sub.s1, 'I9', { status: 'open', subtotal: '190000', discount: '23750', total: '184538', paidAt: null, couponId: coupon.forever.id }),
    i10: await invoice(sub.s9, 'I10', { status: 'partially_refunded', subtotal: '59.49', total: '66.03', paidAt: '2026-03-15T10:00:00.000Z' }),
    i11: await invoice(sub.s10, 'I11', { status: 'paid', subtotal: '499.90', discount: '62.49', total: '485.53', paidAt: '2026-03-06T10:00:00.000Z', couponId: coupon.forever.id }),
  };

  await refund(inv.i1, '10000', 'succeeded', '2026-04-02T10:00:00.000Z'); // after March
  await refund(inv.i3, '100000', 'succeeded', '2026-03-20T08:00:00.000Z');
  await refund(inv.i3, '50000', 'failed', '2026-03-21T08:00:00.000Z'); // the gateway refused it: no money moved
  await refund(inv.i5, '305250', 'succeeded', '2026-03-10T15:00:00.000Z');
  await refund(inv.i8, '11000', 'succeeded', '2026-02-15T10:00:00.000Z');
  await refund(inv.i10, '16.03', 'succeeded', '2026-03-20T10:00:00.000Z');

  // Redemptions are applications to a subscription (SPEC §10), one per coupon and organization:
  // R1 FOREVER125 → s1 (o1), R2 ONCE50 → s3 (o3), R3 REPEAT25K → s6 (o6), R5 FOREVER125 → s10 (o10,
  // USD). s7 holds REPEAT25K from before the demo's range: its redemption predates the data (R6).
  await redeem(coupon.forever.id, sub.s1, '2026-03-01T08:00:00.000Z');
  await redeem(coupon.once.id, sub.s3, '2026-03-10T09:00:00.000Z');
  await redeem(coupon.repeat.id, sub.s6, '2026-02-01T08:00:00.000Z');
  await redeem(coupon.forever.id, sub.s10, '2026-03-05T08:00:00.000Z');
  await redeem(coupon.repeat.id, sub.s7, '2025-04-01T08:00:00.000Z');

  return { plan, addon, coupon, sub, inv };
}

/**
 * From now on, the test database's sessions run in Asia/Jakarta (UTC+7), so a query that let the
 * session time zone decide a date would put March's last payment (23:59:59.999 UTC) in April.
 * Call it after seeding: @prisma/adapter-pg writes and reads timestamptz as if the session were
 * UTC, so rows written through db() under another zone would be shifted. Closes db()'s pool so
 * that every later query opens a session in the new zone.
 */
/** Makes Asia/Jakarta the database's default time zone, to prove the app does not depend on it. */
export async function useJakartaSessions(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET timezone TO 'Asia/Jakarta'`);
  await client.end();
  await db().$disconnect();
}

type Prices = { monthly: string; annual: string; perAgent: string; maxAgents: number | null; sortOrder: number; inactive?: boolean };

function createPlan(slug: string, currency: string, prices: Prices) {
  return db().plan.create({
    data: {
      name: slug[0]!.toUpperCase() + slug.slice(1),
      slug,
      currency,
      basePriceMonthly: prices.monthly,
      basePriceAnnual: prices.annual,
      perAgentPrice: prices.perAgent,
      overageMessagePrice: '0',
      limits: { max_agents: prices.maxAgents, max_contacts: null, max_messages_month: null, max_channels: null, max_ai_agents: null },
      features: { ai_agent: false, api_access: false, dedicated_support: false },
      isActive: !prices.inactive,
      sortOrder: prices.sortOrder,
    },
  });
}

type SubscriptionOptions = {
  status?: SubscriptionStatus;
  currency?: string;
  cancelledAt?: string;
  couponId?: string;
  couponCyclesUsed?: number;
  addons?: string[];
};

function subscribe(organizationId: string, planId: string, billingCycle: BillingCycle, agentCount: number, startedAt: string, options: SubscriptionOptions = {}) {
  return db().subscription.create({
    data: {
      organizationId,
      planId,
      billingCycle,
      agentCount,
      status: options.status ?? 'active',
      currency: options.currency ?? 'IDR',
      startedAt: D(startedAt),
      currentPeriodStart: D(startedAt),
      currentPeriodEnd: D(startedAt),
      cancelledAt: options.cancelledAt ? D(options.cancelledAt) : null,
      couponId: options.couponId ?? null,
      couponCyclesUsed: options.couponCyclesUsed ?? 0,
      addons: { create: (options.addons ?? []).map((addonId) => ({ addonId, quantity: 1 })) },
    },
  });
}

type InvoiceOptions = { status: InvoiceStatus; subtotal: string; discount?: string; total: string; paidAt: string | null; couponId?: string };

function invoice(subscription: { id: string; organizationId: string; planId: string; currency: string }, number: string, options: InvoiceOptions) {
  const paidAt = options.paidAt ? D(options.paidAt) : null;
  const issuedAt = paidAt ?? D('2026-03-25T08:00:00.000Z');
  return db().invoice.create({
    data: {
      number,
      organizationId: subscription.organizationId,
      subscriptionId: subscription.id,
      planId: subscription.planId,
      currency: subscription.currency,
      status: options.status,
      periodStart: issuedAt,
      periodEnd: issuedAt,
      subtotal: options.subtotal,
      discountTotal: options.discount ?? '0',
      total: options.total,
      amountPaid: paidAt ? options.total : '0',
      couponId: options.couponId ?? null,
      issuedAt,
      paidAt,
    },
  });
}

function refund(of: { id: string; currency: string }, amount: string, status: 'succeeded' | 'failed', at: string) {
  return db().refund.create({ data: { invoiceId: of.id, amount, currency: of.currency, reason: 'test', status, createdAt: D(at) } });
}

function redeem(couponId: string, subscription: { id: string; currency: string; organizationId: string }, at: string) {
  return db().couponRedemption.create({
    data: { couponId, organizationId: subscription.organizationId, subscriptionId: subscription.id, currency: subscription.currency, redeemedAt: D(at) },
  });
}
