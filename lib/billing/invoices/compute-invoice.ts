/**
 * The invoice engine: what one subscription owes for one billing period. Pure — no database, no
 * clock — so every rule below is tested in compute-invoice.test.ts and explained to operators in
 * docs/BILLING.md. Keep the three in step.
 *
 * Rules (SPEC §4–§6; where the spec is silent, the choice is ours and written here):
 *
 * 1. Base: `base_price_monthly` on a monthly invoice, `base_price_annual` on an annual one.
 * 2. Agents: `limits.max_agents` agents are included (null = unlimited, all included). Each agent
 *    above it costs `per_agent_price` per month, so an annual invoice charges
 *    `per_agent_price × 12` per extra agent (the annual discount covers the base price only).
 * 3. Messages: on a monthly invoice, each message above `limits.max_messages_month`
 *    (null = unlimited) costs `overage_message_price`. An annual invoice carries no overage line:
 *    it is issued in advance for the year, while usage is only known month by month, so overage of
 *    annual subscribers is billed monthly on separate usage invoices, outside this function.
 * 4. Add-ons: `price_monthly` or `price_annual` by cycle, times the quantity; a `per_agent` add-on
 *    is also multiplied by the subscription's agent count (every agent, included or not).
 * 5. Subtotal: the sum of the rounded charge lines (1–4).
 * 6. Coupon: `percentage` takes that share of the subtotal; `fixed` takes its value, and only when
 *    the coupon's currency is the invoice's (otherwise nothing — callers check eligibility with
 *    couponApplies first; this is a safety net). The discount is capped at the subtotal, so a
 *    total is never negative, and a fixed remainder is not carried over (SPEC §5).
 * 7. Tax: `tax_rate × (subtotal − discount)`; the discount reduces the tax base.
 * 8. Rounding (SPEC §6): every line amount is rounded half-up to the currency's minor unit
 *    (IDR: whole rupiah); the discount and tax are computed from the rounded subtotal; the total is
 *    the sum of the rounded lines (discount line negative), so subtotal − discount + tax = total.
 *    `unit_amount` keeps the exact price (numeric(18,4) holds it); only `amount` is rounded.
 *
 * Lines with nothing to charge (no extra agents, no overage, a zero discount) are left out; the
 * base line is always present and the tax line whenever the tax rate is above zero.
 */
import { Decimal, currencyDecimals, formatMoney, roundMoney, toDecimal, type DecimalLike } from '../../money';

export type TBillingCycle = 'monthly' | 'annual';
export type TInvoiceLineKind = 'plan_base' | 'per_agent' | 'overage' | 'addon' | 'discount' | 'tax' | 'credit';

export interface TInvoicePlan {
  name?: string;
  basePriceMonthly: DecimalLike;
  basePriceAnnual: DecimalLike;
  perAgentPrice: DecimalLike;
  overageMessagePrice: DecimalLike;
  /** The plan's `limits` JSON: only these two keys matter here; null means unlimited. */
  limits: { max_agents: number | null; max_messages_month: number | null };
}

export interface TInvoiceAddon {
  /** Copied to the line as `addonId`, so an invoice line can point back at its add-on. */
  id?: string;
  name: string;
  unit: 'flat' | 'per_agent';
  priceMonthly: DecimalLike;
  priceAnnual: DecimalLike;
  quantity: number;
}

export interface TInvoiceCoupon {
  code?: string;
  discountType: 'percentage' | 'fixed';
  discountValue: DecimalLike;
  /** null for percentage coupons. */
  currency: string | null;
}

export interface TComputeInvoiceInput {
  currency: string;
  billingCycle: TBillingCycle;
  plan: TInvoicePlan;
  agentCount: number;
  /** Messages sent in the period being billed (ignored on annual invoices, rule 3). */
  messagesUsed: number;
  addons?: readonly TInvoiceAddon[];
  coupon?: TInvoiceCoupon | null;
  /** Decimal fraction, e.g. '0.11' for Indonesia's 11% PPN. */
  taxRate: DecimalLike;
}

export interface TComputedInvoiceLine {
  kind: TInvoiceLineKind;
  description: string;
  quantity: number;
  unitAmount: Decimal;
  amount: Decimal;
  addonId?: string;
}

export interface TComputedInvoice {
  currency: string;
  lines: TComputedInvoiceLine[];
  subtotal: Decimal;
  discountTotal: Decimal;
  taxRate: Decimal;
  taxTotal: Decimal;
  total: Decimal;
}

const MONTHS_PER_YEAR = 12;

export function computeInvoice(input: TComputeInvoiceInput): TComputedInvoice {
  const { currency, billingCycle, plan } = input;
  currencyDecimals(currency); // throws on an unsupported currency before any arithmetic
  assertCount('agentCount', input.agentCount);
  assertCount('messagesUsed', input.messagesUsed);
  const taxRate = toDecimal(input.taxRate);
  if (taxRate.isNaN() || taxRate.lt(0) || taxRate.gt(1)) throw new RangeError(`taxRate must be between 0 and 1, got ${taxRate}`);

  const annual = billingCycle === 'annual';
  const charge = (kind: TInvoiceLineKind, description: string, quantity: number, unit: DecimalLike) => {
    const unitAmount = price(kind, unit);
    return { kind, description, quantity, unitAmount, amount: roundMoney(unitAmount.times(quantity), currency) };
  };

  const cycleLabel = annual ? 'annual' : 'monthly';
  const lines: TComputedInvoiceLine[] = [
    charge('plan_base', `${plan.name ?? 'Plan'} (${cycleLabel})`, 1, annual ? plan.basePriceAnnual : plan.basePriceMonthly),
  ];

  const extraAgents = beyondLimit(input.agentCount, plan.limits.max_agents);
  if (extraAgents > 0) {
    const perAgent = price('per_agent', plan.perAgentPrice).times(annual ? MONTHS_PER_YEAR : 1);
    const label = `Additional agents beyond ${plan.limits.max_agents} included${annual ? ' (12 months)' : ''}`;
    lines.push(charge('per_agent', label, extraAgents, perAgent));
  }

  const extraMessages = annual ? 0 : beyondLimit(input.messagesUsed, plan.limits.max_messages_month);
  if (extraMessages > 0) {
    const label = `Messages beyond ${plan.limits.max_messages_month} included`;
    lines.push(charge('overage', label, extraMessages, plan.overageMessagePrice));
  }

  for (const addon of input.addons ?? []) {
    assertCount(`quantity of add-on ${addon.name}`, addon.quantity);
    const quantity = addon.unit === 'per_agent' ? addon.quantity * input.agentCount : addon.quantity;
    if (quantity === 0) continue;
    const label = addon.unit === 'per_agent' ? `${addon.name} (per agent)` : addon.name;
    lines.push({ ...charge('addon', label, quantity, annual ? addon.priceAnnual : addon.priceMonthly), addonId: addon.id });
  }

  const subtotal = sum(lines.map((line) => line.amount));
  const discountTotal = discountFor(input.coupon, subtotal, currency);
  if (discountTotal.gt(0)) {
    const negative = discountTotal.negated();
    lines.push({ kind: 'discount', description: couponLabel(input.coupon!, currency), quantity: 1, unitAmount: negative, amount: negative });
  }

  const taxTotal = roundMoney(subtotal.minus(discountTotal).times(taxRate), currency);
  if (taxRate.gt(0)) {
    lines.push({ kind: 'tax', description: `Tax (${taxRate.times(100).toFixed()}%)`, quantity: 1, unitAmount: taxTotal, amount: taxTotal });
  }

  return { currency, lines, subtotal, discountTotal, taxRate, taxTotal, total: sum(lines.map((line) => line.amount)) };
}

/** Rule 6: the discount, rounded, never more than the subtotal. */
function discountFor(coupon: TInvoiceCoupon | null | undefined, subtotal: Decimal, currency: string): Decimal {
  if (!coupon) return new Decimal(0);
  const value = toDecimal(coupon.discountValue);
  let discount: Decimal;
  if (coupon.discountType === 'percentage') {
    if (value.isNaN() || value.lt(0) || value.gt(100)) throw new RangeError(`percentage discount must be 0–100, got ${value}`);
    discount = roundMoney(subtotal.times(value).dividedBy(100), currency);
  } else {
    if (value.isNaN() || value.lt(0)) throw new RangeError(`fixed discount must be ≥ 0, got ${value}`);
    if (coupon.currency !== currency) return new Decimal(0);
    discount = roundMoney(value, currency);
  }
  return Decimal.min(discount, subtotal);
}

/** What the customer reads on the discount line: "Coupon WELCOME10 (10% off)", "Coupon HEMAT (Rp 50.000 off)". */
function couponLabel(coupon: TInvoiceCoupon, currency: string): string {
  const value = toDecimal(coupon.discountValue);
  const what = coupon.discountType === 'percentage' ? `${value.toFixed()}% off` : `${formatMoney(value, currency)} off`;
  return coupon.code ? `Coupon ${coupon.code} (${what})` : `Discount (${what})`;
}

function beyondLimit(used: number, limit: number | null): number {
  if (limit === null) return 0;
  assertCount('limit', limit);
  return Math.max(0, used - limit); // integer counts, not money: plain numbers are exact here
}

function price(kind: TInvoiceLineKind, value: DecimalLike): Decimal {
  const decimal = toDecimal(value);
  if (decimal.isNaN() || decimal.lt(0)) throw new RangeError(`${kind} price must be ≥ 0, got ${decimal}`);
  return decimal;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function sum(amounts: Decimal[]): Decimal {
  return amounts.reduce((total, amount) => total.plus(amount), new Decimal(0));
}
