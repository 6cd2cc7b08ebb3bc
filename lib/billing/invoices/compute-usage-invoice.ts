/**
 * An annual subscriber's usage invoice for one month (SPEC §11, docs/BILLING.md): the annual
 * invoice is issued in advance and carries no overage (compute-invoice.ts rule 3), so each month's
 * messages beyond `max_messages_month` are billed here, at the plan's overage price, plus tax.
 * A subscription that ends at period end gets its last month's overage the same way. No coupon:
 * a coupon's `duration` counts subscription invoices (SPEC §5), and usage invoices are not those.
 * Pure, rounded like every invoice (rule 8): the line half-up to the minor unit, tax on the rounded
 * subtotal, total = sum of the rounded lines. Null when there is no overage: nothing to invoice.
 */
import { Decimal, currencyDecimals, roundMoney, toDecimal } from '../../money';
import type { TComputedInvoice, TInvoicePlan } from './compute-invoice';
import type { DecimalLike } from '../../money';

export interface TComputeUsageInvoiceInput {
  currency: string;
  plan: Pick<TInvoicePlan, 'overageMessagePrice' | 'limits'>;
  messagesUsed: number;
  taxRate: DecimalLike;
  /** Shown on the line, e.g. "1 Feb – 1 Mar 2026". */
  periodLabel: string;
}

export function computeUsageInvoice(input: TComputeUsageInvoiceInput): TComputedInvoice | null {
  const { currency, plan, messagesUsed } = input;
  currencyDecimals(currency);
  if (!Number.isSafeInteger(messagesUsed) || messagesUsed < 0) throw new RangeError(`messagesUsed must be a non-negative integer, got ${messagesUsed}`);
  const taxRate = toDecimal(input.taxRate);
  if (taxRate.isNaN() || taxRate.lt(0) || taxRate.gt(1)) throw new RangeError(`taxRate must be between 0 and 1, got ${taxRate}`);
  const unitAmount = toDecimal(plan.overageMessagePrice);
  if (unitAmount.isNaN() || unitAmount.lt(0)) throw new RangeError(`overage price must be ≥ 0, got ${unitAmount}`);
  const limit = plan.limits.max_messages_month;
  const extra = limit === null ? 0 : Math.max(0, messagesUsed - limit);
  if (extra === 0) return null;

  const subtotal = roundMoney(unitAmount.times(extra), currency);
  const taxTotal = roundMoney(subtotal.times(taxRate), currency);
  const lines: TComputedInvoice['lines'] = [
    { kind: 'overage', description: `Messages beyond ${limit} included (${input.periodLabel})`, quantity: extra, unitAmount, amount: subtotal },
  ];
  if (taxRate.gt(0)) lines.push({ kind: 'tax', description: `Tax (${taxRate.times(100).toFixed()}%)`, quantity: 1, unitAmount: taxTotal, amount: taxTotal });
  return { currency, lines, subtotal, discountTotal: new Decimal(0), taxRate, taxTotal, total: subtotal.plus(taxTotal) };
}
