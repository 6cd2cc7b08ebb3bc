/**
 * Subscription-change money, pure (SPEC §10; docs/BILLING.md "Changing a subscription"). No
 * database, no clock: callers pass the instants and the invoices' lines.
 *
 * - Which way a change goes: by the recurring amount per month before discounts (an annual cycle
 *   divided by 12). Up → now; down → at period end; annual → monthly always at period end; monthly
 *   → annual now (a new annual period starts).
 * - Unused days are credited at what they were actually charged: the recurring lines of the
 *   invoice that set the current price (the period's invoice, or the latest proration of the
 *   period), less their share of that invoice's discount, times remaining days / days it covered.
 * - The new items are charged for the same remaining days (each line rounded half-up), a
 *   percentage coupon that discounted the period discounts them too, and tax is taken on the
 *   difference. The invoice's lines add up to its total exactly.
 * Whole UTC days throughout (wholeDaysBetween); the day of the change counts as unused.
 */
import { Decimal, roundMoney, toDecimal, type DecimalLike } from '../../money';
import type { TComputedInvoice, TComputedInvoiceLine, TInvoiceLineKind } from '../invoices/compute-invoice';
import { wholeDaysBetween, type TBillingCycle } from '../periods/billing-period';

/** Lines that recur every period: what a change replaces and what proration credits and charges. */
export const RECURRING_KINDS: readonly TInvoiceLineKind[] = ['plan_base', 'per_agent', 'addon'];
const CHARGE_KINDS: readonly TInvoiceLineKind[] = [...RECURRING_KINDS, 'overage'];

export interface TLineAmount {
  kind: TInvoiceLineKind;
  amount: DecimalLike;
}

export type TTiming = 'now' | 'period_end';
export type TChangeDirection = 'upgrade' | 'downgrade' | 'unchanged_amount' | 'to_annual' | 'to_monthly';
export type TChangeDecision = { ok: true; timing: TTiming; direction: TChangeDirection } | { ok: false; code: 'downgrade_at_period_end'; direction: TChangeDirection };

export function sumAmounts(lines: readonly TLineAmount[], kinds?: readonly TInvoiceLineKind[]): Decimal {
  return lines.filter((line) => !kinds || kinds.includes(line.kind)).reduce((total, line) => total.plus(toDecimal(line.amount)), new Decimal(0));
}

/** A cycle's recurring amount per month (annual ÷ 12), unrounded: only ever compared. */
export function monthlyEquivalent(recurring: DecimalLike, cycle: TBillingCycle): Decimal {
  const amount = toDecimal(recurring);
  return cycle === 'annual' ? amount.dividedBy(12) : amount;
}

/**
 * When a change takes effect, or why it is refused. `requested` is the caller's `timing` (omitted:
 * the rule decides). An immediate change that lowers the amount, or annual → monthly now, is 409
 * downgrade_at_period_end: money goes back through a refund, never silently.
 */
export function decideTiming(input: {
  fromCycle: TBillingCycle;
  toCycle: TBillingCycle;
  fromMonthly: DecimalLike;
  toMonthly: DecimalLike;
  requested?: TTiming;
}): TChangeDecision {
  const direction = changeDirection(input);
  const deferredOnly = direction === 'downgrade' || direction === 'to_monthly';
  if (deferredOnly && input.requested === 'now') return { ok: false, code: 'downgrade_at_period_end', direction };
  const natural: TTiming = direction === 'upgrade' || direction === 'to_annual' ? 'now' : 'period_end';
  return { ok: true, timing: input.requested ?? natural, direction };
}

function changeDirection(input: { fromCycle: TBillingCycle; toCycle: TBillingCycle; fromMonthly: DecimalLike; toMonthly: DecimalLike }): TChangeDirection {
  if (input.fromCycle === 'annual' && input.toCycle === 'monthly') return 'to_monthly';
  if (input.fromCycle === 'monthly' && input.toCycle === 'annual') return 'to_annual';
  const comparison = toDecimal(input.toMonthly).comparedTo(toDecimal(input.fromMonthly));
  if (comparison > 0) return 'upgrade';
  return comparison < 0 ? 'downgrade' : 'unchanged_amount';
}

/**
 * What an invoice charged for its recurring items after its discount: the recurring lines less
 * their share of the discount (a discount spreads over every charge line, overage included, in
 * proportion). Credit lines of an earlier change are not part of it: they paid for other days.
 */
export function recurringChargedAfterDiscount(lines: readonly TLineAmount[], currency: string): Decimal {
  const recurring = sumAmounts(lines, RECURRING_KINDS);
  const charges = sumAmounts(lines, CHARGE_KINDS);
  const discount = sumAmounts(lines, ['discount']).abs();
  if (charges.isZero() || discount.isZero()) return recurring;
  const share = roundMoney(discount.times(recurring).dividedBy(charges), currency);
  return recurring.minus(Decimal.min(share, recurring));
}

export interface TCredit {
  amount: Decimal;
  /** Days of the covered span not yet used (the change's own day included). */
  unusedDays: number;
  /** Days the crediting invoice paid for: from its start to the period end. */
  coveredDays: number;
}

/** Credit for the days from `at` to `periodEnd` of an amount that paid for `coveredFrom`…`periodEnd`. */
export function creditForUnusedDays(input: { charged: DecimalLike; coveredFrom: Date; periodEnd: Date; at: Date; currency: string }): TCredit {
  const coveredDays = Math.max(0, wholeDaysBetween(input.coveredFrom, input.periodEnd));
  const unusedDays = Math.min(coveredDays, Math.max(0, wholeDaysBetween(input.at, input.periodEnd)));
  if (coveredDays === 0) return { amount: new Decimal(0), unusedDays, coveredDays };
  const amount = roundMoney(toDecimal(input.charged).times(unusedDays).dividedBy(coveredDays), input.currency);
  return { amount, unusedDays, coveredDays };
}

/**
 * A full period's recurring lines charged for `days` of `ofDays`: each line's amount scaled and
 * rounded half-up on its own (SPEC §6), its unit amount scaled to numeric(18,4).
 */
export function prorateLines(lines: readonly TComputedInvoiceLine[], days: number, ofDays: number, currency: string): TComputedInvoiceLine[] {
  if (!Number.isInteger(days) || !Number.isInteger(ofDays) || days < 0 || ofDays <= 0 || days > ofDays) {
    throw new RangeError(`cannot prorate ${days} of ${ofDays} days`);
  }
  return lines
    .filter((line) => RECURRING_KINDS.includes(line.kind))
    .map((line) => {
      const prorated: TComputedInvoiceLine = {
        kind: line.kind,
        description: `${line.description}, ${days} of ${ofDays} days`,
        quantity: line.quantity,
        unitAmount: line.unitAmount.times(days).dividedBy(ofDays).toDecimalPlaces(4, Decimal.ROUND_HALF_UP),
        amount: roundMoney(line.amount.times(days).dividedBy(ofDays), currency),
      };
      if (line.addonId) prorated.addonId = line.addonId;
      return prorated;
    });
}

/** A percentage coupon's discount of `charges`, rounded, never above them. */
export function percentageDiscount(charges: DecimalLike, percent: DecimalLike, currency: string): Decimal {
  const base = toDecimal(charges);
  return Decimal.min(roundMoney(base.times(toDecimal(percent)).dividedBy(100), currency), base);
}

/** A change's invoice: the engine's shape, where `subtotal` is the charges less the credit. */
export type TChangeInvoice = Omit<TComputedInvoice, 'currency'>;

/**
 * The invoice of a change: charges, the coupon's discount of them, the credit for unused days, and
 * tax on what is left (subtotal − discount). Every amount is already rounded, so the lines add up
 * to the total exactly: total = subtotal − discount + tax. Throws when the credit exceeds what is
 * charged: that change lowers the amount and belongs at period end (decideTiming).
 */
export function buildChangeInvoice(input: {
  currency: string;
  taxRate: DecimalLike;
  charges: readonly TComputedInvoiceLine[];
  discount: { amount: DecimalLike; description: string } | null;
  credit: { amount: DecimalLike; description: string } | null;
}): TChangeInvoice {
  const taxRate = toDecimal(input.taxRate);
  const charges = sumAmounts(input.charges);
  const discount = input.discount ? toDecimal(input.discount.amount) : new Decimal(0);
  const credit = input.credit ? toDecimal(input.credit.amount) : new Decimal(0);
  if (discount.gt(charges)) throw new RangeError(`discount ${discount} exceeds the charges ${charges}`);
  const subtotal = charges.minus(credit);
  const net = subtotal.minus(discount);
  if (net.isNegative()) throw new RangeError(`credit ${credit} exceeds what is charged (${charges.minus(discount)})`);
  const taxTotal = roundMoney(net.times(taxRate), input.currency);

  const lines = [...input.charges];
  const negative = (kind: TInvoiceLineKind, description: string, amount: Decimal): TComputedInvoiceLine => ({ kind, description, quantity: 1, unitAmount: amount.negated(), amount: amount.negated() });
  if (discount.gt(0)) lines.push(negative('discount', input.discount!.description, discount));
  if (credit.gt(0)) lines.push(negative('credit', input.credit!.description, credit));
  if (taxRate.gt(0)) lines.push({ kind: 'tax', description: `Tax (${taxRate.times(100).toFixed()}%)`, quantity: 1, unitAmount: taxTotal, amount: taxTotal });
  return { lines, subtotal, discountTotal: discount, taxRate, taxTotal, total: sumAmounts(lines) };
}
