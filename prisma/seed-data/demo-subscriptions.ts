import type { Addon, Coupon, Plan } from '../../lib/generated/prisma/client';
import { DAY, addTime, monthStart } from './calendar';
import type { TOrganizationSeed } from './organizations';
import { seedUuid, type TPrng } from './prng';

/** The catalog rows the demo is built from: what the database holds after the catalog upserts. */
export type TSeedPlan = Pick<Plan, 'id' | 'slug' | 'name' | 'currency' | 'basePriceMonthly' | 'basePriceAnnual' | 'perAgentPrice' | 'overageMessagePrice' | 'limits'>;
export type TSeedAddon = Pick<Addon, 'id' | 'slug' | 'name' | 'unit' | 'priceMonthly' | 'priceAnnual'>;
export type TSeedCoupon = Pick<
  Coupon,
  'id' | 'code' | 'discountType' | 'discountValue' | 'currency' | 'duration' | 'durationInCycles' | 'maxUses' | 'currentUses' | 'validFrom' | 'validUntil' | 'applicablePlans' | 'isActive'
>;

export interface TSeedCatalog {
  plans: TSeedPlan[];
  addons: TSeedAddon[];
  coupons: TSeedCoupon[];
}

export interface TDemoSubscription {
  id: string;
  organizationId: string;
  organization: TOrganizationSeed;
  plan: TSeedPlan;
  billingCycle: 'monthly' | 'annual';
  agentCount: number;
  /** Typical share of the monthly message allowance this tenant uses (above 1 = overage). */
  usageFactor: number;
  addons: Array<{ addon: TSeedAddon; quantity: number }>;
  coupon: TSeedCoupon | null;
  /** Month of the first period, relative to the seeding month (0 = this month). */
  startOffset: number;
  startedAt: Date;
  cancelOffset: number | null;
  cancelledAt: Date | null;
}

export function planLimits(plan: TSeedPlan): { max_agents: number | null; max_messages_month: number | null } {
  const limits = plan.limits as Record<string, number | null>;
  return { max_agents: limits.max_agents ?? null, max_messages_month: limits.max_messages_month ?? null };
}

const PLAN_WEIGHTS: Array<[slug: string, weight: number]> = [['starter', 35], ['growth', 30], ['pro', 22], ['enterprise', 13]];
const CANCELLED = 9;

/**
 * Coupons handed to tenants whose first invoice falls in the demo's 12 months, in this order, up
 * to the count (LAUNCH50 exactly its max_uses, so it ends up exhausted). PARTNER10 (forever) goes
 * to older tenants instead: its discount shows on every invoice.
 */
const NEW_TENANT_COUPONS: Array<[code: string, count: number]> = [['LAUNCH50', 8], ['RAMADAN25', 4], ['PROUPGRADE', 3], ['HEMAT100K', 5], ['WELCOME20', 6]];
const LONG_TENANT_COUPONS: Array<[code: string, count: number]> = [['PARTNER10', 4]];

export function buildDemoSubscriptions(
  rng: TPrng,
  now: Date,
  organizations: readonly TOrganizationSeed[],
  catalog: TSeedCatalog,
): TDemoSubscription[] {
  const plans = new Map(catalog.plans.map((plan) => [plan.slug, plan]));
  const subscriptions = organizations.map((organization): TDemoSubscription => {
    const plan = plans.get(weightedPick(rng, PLAN_WEIGHTS));
    if (!plan) throw new Error('The demo needs the starter, growth, pro and enterprise plans');
    // A little over half the tenants signed up before the 12 months shown.
    const startOffset = rng.chance(0.55) ? -rng.int(12, 36) : -rng.int(0, 11);
    return {
      id: seedUuid(`subscription:${organization.slug}`),
      organizationId: seedUuid(`organization:${organization.slug}`),
      organization,
      plan,
      billingCycle: rng.chance(0.25) ? 'annual' : 'monthly',
      agentCount: agentCountFor(rng, planLimits(plan).max_agents),
      usageFactor: 0.3 + rng.next() * 0.95,
      addons: addonsFor(rng, catalog.addons),
      coupon: null,
      startOffset,
      startedAt: monthStart(now, startOffset),
      cancelOffset: null,
      cancelledAt: null,
    };
  });
  cancelSome(rng, now, subscriptions);
  assignCoupons(rng, now, subscriptions, catalog.coupons);
  return subscriptions;
}

function weightedPick(rng: TPrng, weights: Array<[string, number]>): string {
  let roll = rng.next() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

function agentCountFor(rng: TPrng, maxAgents: number | null): number {
  if (maxAgents === null) return rng.int(20, 150);
  // Just under half stay within the included seats; the rest pay for a few extra agents.
  return rng.chance(0.55) ? rng.int(1, maxAgents) : maxAgents + rng.int(1, Math.max(2, Math.round(maxAgents * 0.4)));
}

function addonsFor(rng: TPrng, addons: readonly TSeedAddon[]): TDemoSubscription['addons'] {
  if (addons.length === 0 || !rng.chance(0.4)) return [];
  return rng
    .shuffle(addons)
    .slice(0, rng.int(1, 2))
    .map((addon) => ({ addon, quantity: addon.unit === 'per_agent' ? 1 : rng.int(1, 2) }));
}

/** Nine tenants left during the 12 months, each after at least one invoice. */
function cancelSome(rng: TPrng, now: Date, subscriptions: TDemoSubscription[]): void {
  const candidates = rng.shuffle(subscriptions.filter((s) => s.startOffset <= -3));
  for (const subscription of candidates.slice(0, CANCELLED)) {
    const cancelOffset = rng.int(Math.max(subscription.startOffset + 1, -10), -1);
    subscription.cancelOffset = cancelOffset;
    subscription.cancelledAt = addTime(monthStart(now, cancelOffset), rng.int(3, 25) * DAY + rng.int(8, 18) * 3_600_000);
  }
}

function assignCoupons(rng: TPrng, now: Date, subscriptions: TDemoSubscription[], coupons: readonly TSeedCoupon[]): void {
  const byCode = new Map(coupons.map((coupon) => [coupon.code, coupon]));
  const give = (pool: TDemoSubscription[], [code, count]: [string, number]) => {
    const coupon = byCode.get(code);
    if (!coupon) return;
    const eligible = pool.filter((s) => s.coupon === null && validAtStart(coupon, s, now));
    for (const subscription of eligible.slice(0, count)) subscription.coupon = coupon;
  };
  const newTenants = rng.shuffle(subscriptions.filter((s) => s.startOffset >= -11));
  for (const entry of NEW_TENANT_COUPONS) give(newTenants, entry);
  const longTenants = rng.shuffle(subscriptions.filter((s) => s.startOffset < -11 && s.billingCycle === 'monthly'));
  for (const entry of LONG_TENANT_COUPONS) give(longTenants, entry);
}

/** Whether the coupon could discount the subscription's first invoice (issued early on its start day). */
function validAtStart(coupon: TSeedCoupon, subscription: TDemoSubscription, now: Date): boolean {
  const at = subscription.startedAt.getTime();
  if (subscription.startOffset === 0 && at > now.getTime()) return false;
  if (coupon.validFrom.getTime() > at || (coupon.validUntil && coupon.validUntil.getTime() < at)) return false;
  if (coupon.applicablePlans.length > 0 && !coupon.applicablePlans.includes(subscription.plan.id)) return false;
  return coupon.discountType === 'percentage' || coupon.currency === subscription.plan.currency;
}
