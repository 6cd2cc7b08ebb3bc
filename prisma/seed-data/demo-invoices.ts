import { computeInvoice, type TComputedInvoice, type TInvoiceCoupon } from '../../lib/billing/invoices/compute-invoice';
import { couponApplies } from '../../lib/billing/invoices/coupon-applies';
import { HOUR, addTime, monthStart, yearMonth } from './calendar';
import { planLimits, type TDemoSubscription, type TSeedCoupon } from './demo-subscriptions';
import { seedUuid, type TPrng } from './prng';

/** The demo's 12 months: from 11 months ago to the current month. */
export const FIRST_MONTH = -11;
/** Indonesia's PPN; the demo does not read TAX_RATE so that every installation shows the same data. */
export const DEMO_TAX_RATE = '0.11';

export interface TDemoInvoice {
  id: string;
  number: string;
  subscription: TDemoSubscription;
  /** Month of the period start, relative to the seeding month. */
  monthOffset: number;
  periodStart: Date;
  periodEnd: Date;
  /** null: a draft, not yet finalised. */
  issuedAt: Date | null;
  computed: TComputedInvoice;
  coupon: TSeedCoupon | null;
}

export interface TInvoiceSchedule {
  invoices: TDemoInvoice[];
  /** Discounted invoices per subscription (its coupon_cycles_used). */
  couponCyclesUsed: Map<string, number>;
}

/**
 * Every invoice of the last 12 months, month by month in issue order, priced by computeInvoice.
 * Subscriptions bill on the 1st: monthly ones every month, annual ones in their anniversary month,
 * until the month they were cancelled in. Coupons are checked with couponApplies when each invoice
 * is issued, against the uses so far, so a capped coupon stops at max_uses and an expired one
 * stops at valid_until, exactly as in production.
 */
export function scheduleDemoInvoices(rng: TPrng, now: Date, subscriptions: readonly TDemoSubscription[]): TInvoiceSchedule {
  const invoices: TDemoInvoice[] = [];
  const couponUses = new Map<string, number>();
  const couponCyclesUsed = new Map<string, number>();

  for (let offset = FIRST_MONTH; offset <= 0; offset++) {
    let sequence = 0;
    for (const subscription of subscriptions) {
      const cycleIndex = cycleIndexAt(subscription, offset);
      if (cycleIndex === null) continue;

      const periodStart = monthStart(now, offset);
      const periodEnd = monthStart(now, offset + (subscription.billingCycle === 'annual' ? 12 : 1));
      const number = `INV-${yearMonth(periodStart)}-${String(++sequence).padStart(4, '0')}`;
      const issuedAt = issueTime(rng, now, periodStart, offset, sequence);
      const at = issuedAt ?? periodStart;

      const coupon = subscription.coupon;
      let applied: TSeedCoupon | null = null;
      // SPEC §10: the coupon is judged (window, max_uses) once, when it is applied — here, at the
      // first invoice it would discount; from then on it discounts while its cycles last.
      const redeemed = couponCyclesUsed.has(subscription.id);
      if (coupon && coversCycle(coupon, cycleIndex)) {
        const currentUses = coupon.currentUses + (couponUses.get(coupon.id) ?? 0);
        const verdict = couponApplies({ ...coupon, currentUses }, { planId: subscription.plan.id, currency: subscription.plan.currency, at });
        if (redeemed || verdict.ok) applied = coupon;
      }

      const computed = computeInvoice({
        currency: subscription.plan.currency,
        billingCycle: subscription.billingCycle,
        plan: { ...subscription.plan, limits: planLimits(subscription.plan) },
        agentCount: subscription.agentCount,
        messagesUsed: messagesFor(rng, subscription),
        addons: subscription.addons.map(({ addon, quantity }) => ({ ...addon, quantity })),
        coupon: applied ? toInvoiceCoupon(applied) : null,
        taxRate: DEMO_TAX_RATE,
      });
      const discounted = applied !== null && computed.discountTotal.gt(0);
      if (discounted) {
        if (!redeemed) couponUses.set(applied!.id, (couponUses.get(applied!.id) ?? 0) + 1);
        couponCyclesUsed.set(subscription.id, (couponCyclesUsed.get(subscription.id) ?? 0) + 1);
      }
      invoices.push({
        id: seedUuid(`invoice:${number}`),
        number,
        subscription,
        monthOffset: offset,
        periodStart,
        periodEnd,
        issuedAt,
        computed,
        coupon: discounted ? applied : null,
      });
    }
  }
  return { invoices, couponCyclesUsed };
}

/** Which invoice of the subscription (0 = its first) falls in this month, or null if none does. */
function cycleIndexAt(subscription: TDemoSubscription, offset: number): number | null {
  const age = offset - subscription.startOffset;
  if (age < 0) return null;
  if (subscription.cancelOffset !== null && offset > subscription.cancelOffset) return null;
  if (subscription.billingCycle === 'monthly') return age;
  return age % 12 === 0 ? age / 12 : null;
}

/** A coupon's duration (SPEC §5): how many invoices of a subscription it covers. */
function coversCycle(coupon: TSeedCoupon, cycleIndex: number): boolean {
  if (coupon.duration === 'forever') return true;
  if (coupon.duration === 'repeating') return cycleIndex < (coupon.durationInCycles ?? 1);
  return cycleIndex === 0;
}

/**
 * Past invoices were issued in the first hours of their month. This month's are issued unless the
 * moment has not come yet, and a few are held as drafts (always the first three, so the demo has
 * drafts whatever the date).
 */
function issueTime(rng: TPrng, now: Date, periodStart: Date, offset: number, sequence: number): Date | null {
  const issuedAt = addTime(periodStart, rng.int(1, 6) * HOUR + rng.int(0, 59) * 60_000);
  if (offset < 0) return issuedAt;
  const held = sequence <= 3 || rng.chance(0.1);
  return held || issuedAt.getTime() > now.getTime() ? null : issuedAt;
}

function messagesFor(rng: TPrng, subscription: TDemoSubscription): number {
  const allowance = planLimits(subscription.plan).max_messages_month ?? 300_000;
  return Math.round(allowance * subscription.usageFactor * (0.85 + rng.next() * 0.3));
}

function toInvoiceCoupon(coupon: TSeedCoupon): TInvoiceCoupon {
  return { code: coupon.code, discountType: coupon.discountType, discountValue: coupon.discountValue, currency: coupon.currency };
}
