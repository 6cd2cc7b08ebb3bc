import { type DecimalLike, roundMoney, toDecimal, type Decimal } from '@/lib/money';

export interface TCreditNoteSplit {
  /** DPP: the part of the refund that reverses the invoice's tax base. */
  taxBase: Decimal;
  /** PPN: the part that reverses the invoice's tax. */
  taxAmount: Decimal;
}

/**
 * Splits a refunded amount into tax base (DPP) and PPN in the proportions of the invoice it
 * refunds (SPEC §12): PPN = amount × tax_total / total, rounded half-up to the currency's minor
 * unit, and DPP = amount − PPN, so the two add up to the amount exactly. A refund of the whole
 * total gives back exactly the invoice's tax_total; an invoice without tax (or with a zero
 * total) gives PPN 0.
 */
export function splitCreditNoteTax(amount: DecimalLike, invoice: { total: DecimalLike; taxTotal: DecimalLike }, currency: string): TCreditNoteSplit {
  const refunded = toDecimal(amount);
  const total = toDecimal(invoice.total);
  const tax = toDecimal(invoice.taxTotal);
  const taxAmount = total.lte(0) || tax.lte(0) ? toDecimal(0) : roundMoney(refunded.times(tax).dividedBy(total), currency);
  return { taxBase: refunded.minus(taxAmount), taxAmount };
}
