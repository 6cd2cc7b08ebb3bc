import type { TCreditNote } from '@/lib/billing/credit-notes/schemas';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { formatMoney } from '@/lib/money';
import type { TBillingDocument } from './billing-document';
import { documentDate } from './document-format';
import { buyerParty, sellerParty, type TBuyer, type TSeller } from './invoice-document';

/**
 * A credit note as a document (SPEC §11, §12): the same layout as its invoice — seller and buyer
 * with NPWP — crediting the refunded amount as tax base (DPP) and PPN, with the invoice it
 * corrects and why the money went back. A voided note (the refund came back) is marked VOID.
 */
export function creditNoteDocument(note: TCreditNote, invoice: TInvoiceDetail, buyer: TBuyer, seller: TSeller): TBillingDocument {
  const money = (value: number) => formatMoney(value, note.currency);
  const refund = invoice.refunds.find((candidate) => candidate.id === note.refund_id);
  const taxPercent = Number((invoice.tax_rate * 100).toFixed(4));
  return {
    title: 'Credit note',
    number: note.number,
    statusLabel: note.voided_at ? 'Void' : 'Issued',
    watermark: note.voided_at ? 'VOID' : null,
    facts: [
      { label: 'Issued', value: documentDate(note.issued_at) },
      { label: 'Invoice', value: invoice.number },
      { label: 'Invoice date', value: documentDate(invoice.issued_at) },
      ...(note.voided_at ? [{ label: 'Voided', value: documentDate(note.voided_at) }] : []),
    ],
    seller: sellerParty(seller),
    buyer: buyerParty(buyer),
    lines: [{ description: `Refund of invoice ${invoice.number}${refund ? `: ${refund.reason}` : ''}`, quantity: '1', unitAmount: money(note.amount), amount: money(note.amount) }],
    totals: [
      { label: 'Tax base credited (DPP)', amount: money(note.tax_base) },
      { label: `VAT credited (PPN ${taxPercent}%)`, amount: money(note.tax_amount) },
      { label: 'Total credited', amount: money(note.amount), emphasis: true },
    ],
    notes: [
      `This credit note corrects invoice ${invoice.number}: the amount refunded, split into tax base and PPN in the invoice's proportions.`,
      ...(note.voided_at ? [`Voided on ${documentDate(note.voided_at)}: the refund was returned, so nothing is credited.`] : []),
    ],
    footer: `${seller.name} · NPWP ${seller.npwp} · ${note.number} · ${invoice.number}`,
    fileName: `${note.number}.pdf`,
  };
}
