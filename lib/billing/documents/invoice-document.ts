import { INVOICE_STATUS_LABELS } from '@/lib/billing/invoices/invoice-statuses';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { Decimal, formatMoney, toDecimal, type DecimalLike } from '@/lib/money';
import type { TBillingDocument, TDocumentParty } from './billing-document';
import { documentDate, documentPeriod, partyDetails } from './document-format';

/** The seller, from configuration (lib/config.ts: SELLER_*). */
export interface TSeller {
  name: string;
  address: string;
  email: string;
  npwp: string;
}

/** The organization billed, as it is now. */
export interface TBuyer {
  name: string;
  billingEmail: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** NPWP or another tax id; null when the organization has none on file. */
  taxId: string | null;
}

// Shown as lines: what was charged. The discount and the tax are in the totals (DPP, PPN), not twice.
const CHARGE_KINDS = new Set(['plan_base', 'per_agent', 'overage', 'addon']);

/**
 * An invoice as a document: seller and buyer with NPWP, dates, charged lines, the tax base (DPP:
 * subtotal less discount, docs/BILLING.md rule 7) and PPN, the total, and what was paid, refunded
 * and is still due. A void invoice is printed whole, marked VOID, with when and why. `taxRate` is the
 * invoice row's own numeric (invoices.tax_rate as decimal.js reads it), not the DTO's JSON number,
 * so the percent printed is the rate the tax was computed with, digit for digit.
 */
export function invoiceDocument(invoice: TInvoiceDetail, buyer: TBuyer, seller: TSeller, taxRate: DecimalLike): TBillingDocument {
  const money = (value: number | Decimal) => formatMoney(value.toString(), invoice.currency);
  const isVoid = invoice.status === 'void';
  const taxBase = new Decimal(String(invoice.subtotal)).minus(String(invoice.discount_total));
  const taxPercent = toDecimal(taxRate).times(100).toFixed();
  // Nothing is owed on a void invoice; otherwise the total less what was received (refunds owe nothing).
  const due = isVoid ? new Decimal(0) : Decimal.max(0, new Decimal(String(invoice.total)).minus(String(invoice.amount_paid)));

  return {
    title: 'Invoice',
    number: invoice.number,
    statusLabel: INVOICE_STATUS_LABELS[invoice.status],
    watermark: isVoid ? 'VOID' : null,
    facts: [
      { label: 'Issued', value: documentDate(invoice.issued_at) },
      { label: 'Due', value: documentDate(invoice.due_at) },
      { label: 'Period', value: documentPeriod(invoice.period_start, invoice.period_end) },
      ...(invoice.paid_at ? [{ label: 'Paid', value: documentDate(invoice.paid_at) }] : []),
      ...(isVoid ? [{ label: 'Voided', value: documentDate(invoice.voided_at) }] : []),
    ],
    seller: sellerParty(seller),
    buyer: buyerParty(buyer),
    lines: invoice.lines
      .filter((line) => CHARGE_KINDS.has(line.kind))
      .map((line) => ({ description: line.description, quantity: line.quantity.toLocaleString('id-ID'), unitAmount: money(line.unit_amount), amount: money(line.amount) })),
    totals: [
      { label: 'Subtotal', amount: money(invoice.subtotal) },
      ...(invoice.discount_total > 0 ? [{ label: invoice.coupon_code ? `Discount (${invoice.coupon_code})` : 'Discount', amount: money(-invoice.discount_total) }] : []),
      { label: 'Tax base (DPP)', amount: money(taxBase) },
      { label: `VAT (PPN ${taxPercent}%)`, amount: money(invoice.tax_total) },
      { label: 'Total', amount: money(invoice.total), emphasis: true },
      { label: 'Paid', amount: money(invoice.amount_paid) },
      ...(invoice.amount_refunded > 0 ? [{ label: 'Refunded', amount: money(invoice.amount_refunded) }] : []),
      { label: 'Amount due', amount: money(due), emphasis: true },
    ],
    notes: isVoid ? [`This invoice was voided on ${documentDate(invoice.voided_at)}${invoice.void_reason ? `: ${sentence(invoice.void_reason)}` : '.'} Nothing is payable on it.`] : [],
    footer: `${seller.name} · NPWP ${seller.npwp} · ${invoice.number}`,
    fileName: `${invoice.number}.pdf`,
  };
}

export function sellerParty(seller: TSeller): TDocumentParty {
  return { heading: 'From', name: seller.name, details: partyDetails([seller.address, seller.email]), taxId: seller.npwp || null };
}

export function buyerParty(buyer: TBuyer): TDocumentParty {
  return { heading: 'Bill to', name: buyer.name, details: partyDetails([buyer.billingEmail], buyer.country), taxId: buyer.taxId };
}

/** A reason as a sentence: a full stop added unless it already ends like one. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
