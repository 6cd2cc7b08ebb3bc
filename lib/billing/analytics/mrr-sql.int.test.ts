import { beforeAll, describe, expect, it } from 'vitest';
import { computeInvoice, type TInvoiceCoupon } from '@/lib/billing/invoices/compute-invoice';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { moneyToJson, roundMoney, toDecimal, type DecimalLike } from '@/lib/money';
import { D } from '@/tests/integration/analytics-dataset';
import { activeAt, arrAt, instant, subscriptionArrCtes } from './mrr-sql';

/**
 * The MRR of single subscriptions, one rule at a time, read straight from the shared SQL. All in
 * SGD, so nothing else in the database can leak in. Plan "sg": 100.00 a month, 1,000.00 a year,
 * 2 agents included, 10.00 per extra agent; plan "sg-open": 50.00 / 500.00, every agent included.
 */
let counter = 0;
let sg: { id: string };
let open: { id: string };
let addon: Record<'flat' | 'seat' | 'idr', { id: string }>;

beforeAll(async () => {
  sg = await plan('sg', 2);
  open = await plan('sg-open', null);
  addon = {
    flat: await db().addon.create({ data: { name: 'Flat', slug: 'sg-flat', currency: 'SGD', priceMonthly: '5', priceAnnual: '50', unit: 'flat' } }),
    seat: await db().addon.create({ data: { name: 'Seat', slug: 'sg-seat', currency: 'SGD', priceMonthly: '1.25', priceAnnual: '12.5', unit: 'per_agent' } }),
    // Add-ons are priced in IDR unless told otherwise; issueInvoice bills only those in the subscription's currency.
    idr: await db().addon.create({ data: { name: 'Rupiah add-on', slug: 'idr-only', priceMonthly: '50000', priceAnnual: '500000', unit: 'flat' } }),
  };
});

describe('MRR of one subscription (subscriptionArrCtes + arrAt)', () => {
  it('extra agents, flat and per-agent add-ons in the currency; an add-on in another currency is not billed', async () => {
    const id = await subscribe({ agents: 3, addons: [[addon.flat.id, 2], [addon.seat.id, 1], [addon.idr.id, 1]] });
    // 100.00 + 10.00 × 1 extra + flat 5.00 × 2 + seat 1.25 × 3 agents = 123.75
    expect(await mrrOf(id)).toBe(123.75);
    expect(await mrrOf(id)).toBe(engineMonthly({ agents: 3, addons: [['flat', 2], ['seat', 1]] }));
  });

  it('annual: (annual price + per-agent price × 12 × extra + annual add-ons) ÷ 12', async () => {
    const id = await subscribe({ cycle: 'annual', agents: 3, addons: [[addon.seat.id, 2]] });
    // (1,000.00 + 10.00 × 12 × 1 + 12.50 × 2 × 3 agents = 1,195.00) / 12 = 99.5833… → 99.58
    expect(await mrrOf(id)).toBe(99.58);
  });

  it('unlimited agents (max_agents null) are all included', async () => {
    expect(await mrrOf(await subscribe({ planId: open.id, agents: 40 }))).toBe(50);
  });

  it('a forever percentage coupon is taken off, rounded as the invoice engine rounds it', async () => {
    const coupon = await createCoupon({ percent: '33.33' });
    const id = await subscribe({ agents: 3, couponId: coupon.id });
    // 110.00 − round(110.00 × 33.33% = 36.663) 36.66 = 73.34
    expect(await mrrOf(id)).toBe(73.34);
    expect(await mrrOf(id)).toBe(engineMonthly({ agents: 3, coupon: { discountType: 'percentage', discountValue: '33.33', currency: null } }));
  });

  it('a repeating coupon counts while it has cycles left, and not after', async () => {
    const coupon = await createCoupon({ fixed: '10', duration: 'repeating', cycles: 3 });
    expect(await mrrOf(await subscribe({ couponId: coupon.id, cyclesUsed: 2 }))).toBe(90);
    expect(await mrrOf(await subscribe({ couponId: coupon.id, cyclesUsed: 3 }))).toBe(100);
  });

  it('a once coupon is a one-time discount: never in MRR, even before its invoice', async () => {
    const coupon = await createCoupon({ percent: '50', duration: 'once' });
    expect(await mrrOf(await subscribe({ couponId: coupon.id, cyclesUsed: 0 }))).toBe(100);
  });

  it('a fixed discount above the subtotal takes it to 0, never below', async () => {
    const coupon = await createCoupon({ fixed: '150' });
    expect(await mrrOf(await subscribe({ couponId: coupon.id }))).toBe(0);
  });

  it('no discount where the next invoice would get none: plan not eligible, fixed in another currency', async () => {
    const otherPlan = await createCoupon({ percent: '20', applicablePlans: [open.id] });
    const rupiah = await createCoupon({ fixed: '10', currency: 'IDR' });
    for (const coupon of [otherPlan, rupiah]) {
      expect(await mrrOf(await subscribe({ couponId: coupon.id }))).toBe(100);
    }
    const eligible = await createCoupon({ percent: '20', applicablePlans: [sg.id], maxUses: 5, currentUses: 4 });
    expect(await mrrOf(await subscribe({ couponId: eligible.id }))).toBe(80);
  });

  it('an applied coupon keeps its discount when deactivated or exhausted later (SPEC §10: judged when applied)', async () => {
    const inactive = await createCoupon({ percent: '20', isActive: false });
    const exhausted = await createCoupon({ percent: '20', maxUses: 5, currentUses: 5 });
    for (const coupon of [inactive, exhausted]) expect(await mrrOf(await subscribe({ couponId: coupon.id }))).toBe(80);
  });

  it('the discount starts at valid_from and outlives valid_until (validity is judged when the coupon is applied)', async () => {
    const coupon = await createCoupon({ percent: '20', validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-03-15T23:59:59.999Z' });
    const id = await subscribe({ couponId: coupon.id });
    expect(await mrrOf(id, '2026-01-15')).toBe(100);
    expect(await mrrOf(id, '2026-03-01')).toBe(80);
    expect(await mrrOf(id, '2026-04-01')).toBe(80);
  });

  it('a snapshot at an instant is the state just before it: started before, not cancelled before', async () => {
    const startsAtSnapshot = await subscribe({ startedAt: '2026-03-01' }); // new in a range starting 1 March
    const cancelledAtSnapshot = await subscribe({ cancelledAt: '2026-03-01', status: 'cancelled' }); // churned in a range starting 1 March
    const cancelledJustBefore = await subscribe({ cancelledAt: '2026-02-28T23:59:59.999Z', status: 'cancelled' });
    const scheduledCancellation = await subscribe({ cancelledAt: '2026-03-20' }); // still active, leaving on 20 March
    const cancelledWithoutDate = await subscribe({ status: 'cancelled' });
    const pastDue = await subscribe({ status: 'past_due' });
    const at1March = await activeIds('2026-03-01');
    expect([startsAtSnapshot, cancelledJustBefore, cancelledWithoutDate].filter((id) => at1March.has(id))).toEqual([]);
    expect([cancelledAtSnapshot, scheduledCancellation, pastDue].filter((id) => !at1March.has(id))).toEqual([]);
    const at1April = await activeIds('2026-04-01');
    expect([startsAtSnapshot, pastDue].filter((id) => !at1April.has(id))).toEqual([]);
    expect([cancelledAtSnapshot, scheduledCancellation].filter((id) => at1April.has(id))).toEqual([]);
  });
});

async function plan(slug: string, maxAgents: number | null) {
  return db().plan.create({
    data: {
      name: slug, slug, currency: 'SGD', basePriceMonthly: slug === 'sg' ? '100' : '50', basePriceAnnual: slug === 'sg' ? '1000' : '500',
      perAgentPrice: '10', overageMessagePrice: '0.01',
      limits: { max_agents: maxAgents, max_contacts: null, max_messages_month: null, max_channels: null, max_ai_agents: null },
      features: { ai_agent: false, api_access: false, dedicated_support: false },
    },
  });
}

type CouponSpec = {
  percent?: string; fixed?: string; currency?: string; duration?: 'once' | 'repeating' | 'forever'; cycles?: number;
  isActive?: boolean; maxUses?: number; currentUses?: number; applicablePlans?: string[]; validFrom?: string; validUntil?: string;
};

function createCoupon(spec: CouponSpec) {
  const data: Prisma.CouponCreateInput = {
    code: `SG${++counter}`,
    discountType: spec.percent ? 'percentage' : 'fixed',
    discountValue: spec.percent ?? spec.fixed!,
    currency: spec.percent ? null : (spec.currency ?? 'SGD'),
    duration: spec.duration ?? 'forever',
    durationInCycles: spec.cycles ?? null,
    isActive: spec.isActive ?? true,
    maxUses: spec.maxUses ?? null,
    currentUses: spec.currentUses ?? 0,
    applicablePlans: spec.applicablePlans ?? [],
    validFrom: D(spec.validFrom ?? '2025-01-01'),
    validUntil: spec.validUntil ? D(spec.validUntil) : null,
  };
  return db().coupon.create({ data });
}

type SubscriptionSpec = {
  planId?: string; cycle?: 'monthly' | 'annual'; agents?: number; couponId?: string; cyclesUsed?: number;
  addons?: Array<[string, number]>; startedAt?: string; cancelledAt?: string; status?: 'active' | 'past_due' | 'cancelled';
};

async function subscribe(spec: SubscriptionSpec = {}): Promise<string> {
  const organization = await db().organization.create({ data: { name: 'SG', slug: `sg-org-${++counter}`, billingEmail: 'billing@sg.test', country: 'SG' } });
  const started = D(spec.startedAt ?? '2025-01-01');
  const subscription = await db().subscription.create({
    data: {
      organizationId: organization.id, planId: spec.planId ?? sg.id, billingCycle: spec.cycle ?? 'monthly', currency: 'SGD',
      agentCount: spec.agents ?? 2, status: spec.status ?? 'active', startedAt: started, currentPeriodStart: started, currentPeriodEnd: started,
      cancelledAt: spec.cancelledAt ? D(spec.cancelledAt) : null, couponId: spec.couponId ?? null, couponCyclesUsed: spec.cyclesUsed ?? 0,
      addons: { create: (spec.addons ?? []).map(([addonId, quantity]) => ({ addonId, quantity })) },
    },
  });
  return subscription.id;
}

async function mrrOf(id: string, at = '2026-03-01'): Promise<number | undefined> {
  const t = instant(D(at));
  const [row] = await db().$queryRaw<{ arr: DecimalLike }[]>`
    WITH ${subscriptionArrCtes('SGD', D(at), D(at))}
    SELECT ${arrAt(t)} AS arr FROM subscription_arr WHERE id = ${id}::uuid AND ${activeAt(t)}`;
  return row ? moneyToJson(roundMoney(toDecimal(row.arr).dividedBy(12), 'SGD')) : undefined;
}

async function activeIds(at: string): Promise<Set<string>> {
  const t = instant(D(at));
  const rows = await db().$queryRaw<{ id: string }[]>`WITH ${subscriptionArrCtes('SGD', D(at), D(at))} SELECT id FROM subscription_arr WHERE ${activeAt(t)}`;
  return new Set(rows.map((row) => row.id));
}

/** What computeInvoice bills a monthly "sg" subscription, without tax or overage: the MRR must equal it. */
function engineMonthly(input: { agents: number; addons?: Array<['flat' | 'seat', number]>; coupon?: TInvoiceCoupon }): number {
  const prices = { flat: { unit: 'flat', priceMonthly: '5', priceAnnual: '50' }, seat: { unit: 'per_agent', priceMonthly: '1.25', priceAnnual: '12.5' } } as const;
  const invoice = computeInvoice({
    currency: 'SGD', billingCycle: 'monthly', agentCount: input.agents, messagesUsed: 0, taxRate: '0',
    plan: { basePriceMonthly: '100', basePriceAnnual: '1000', perAgentPrice: '10', overageMessagePrice: '0.01', limits: { max_agents: 2, max_messages_month: null } },
    addons: (input.addons ?? []).map(([key, quantity]) => ({ name: key, quantity, ...prices[key] })),
    coupon: input.coupon ?? null,
  });
  return moneyToJson(invoice.total);
}
