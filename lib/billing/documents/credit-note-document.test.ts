import { describe, expect, it } from 'vitest';
import { CREDIT_NOTE, INVOICE_DETAIL } from '@/lib/openapi/examples/invoices';
import type { TCreditNote } from '@/lib/billing/credit-notes/schemas';
import { creditNoteDocument } from './credit-note-document';
import type { TBuyer, TSeller } from './invoice-document';

const SELLER: TSeller = { name: 'PT Pesan Cepat Indonesia', address: 'Jl. Sudirman 1\nJakarta', email: 'billing@example.test', npwp: '01.234.567.8-901.000' };
const BUYER: TBuyer = { name: 'Toko Sinar Jaya', billingEmail: 'keuangan@sinarjaya.test', country: 'ID', taxId: '09.876.543.2-109.000' };
const VOIDED: TCreditNote = { ...CREDIT_NOTE, voided_at: '2026-10-12T09:00:00.000Z' };

const document = (note: TCreditNote = CREDIT_NOTE, invoice = INVOICE_DETAIL) => creditNoteDocument(note, invoice, BUYER, SELLER);
const totals = (note: TCreditNote = CREDIT_NOTE, invoice = INVOICE_DETAIL) => document(note, invoice).totals;

describe('creditNoteDocument', () => {
  it('is titled a credit note under its CN- number, issued, with the PDF named after the number', () => {
    expect(document()).toMatchObject({ title: 'Credit note', number: 'CN-202610-0007', statusLabel: 'Issued', watermark: null, fileName: 'CN-202610-0007.pdf' });
  });

  it('names the same seller and buyer as the invoice does, each with NPWP', () => {
    expect(document().seller).toEqual({ heading: 'From', name: SELLER.name, details: ['Jl. Sudirman 1', 'Jakarta', 'billing@example.test'], taxId: SELLER.npwp });
    expect(document().buyer).toEqual({ heading: 'Bill to', name: BUYER.name, details: ['keuangan@sinarjaya.test', 'Indonesia'], taxId: '09.876.543.2-109.000' });
  });

  it('states when it was issued and which invoice (number and date) it corrects', () => {
    expect(document().facts).toEqual([
      { label: 'Issued', value: '10 Oct 2026' },
      { label: 'Invoice', value: 'INV-202610-000123' },
      { label: 'Invoice date', value: '1 Oct 2026' },
    ]);
    expect(document().notes).toEqual([
      "This credit note corrects invoice INV-202610-000123: the amount refunded, split into tax base and PPN in the invoice's proportions.",
    ]);
    expect(document().footer).toBe('PT Pesan Cepat Indonesia · NPWP 01.234.567.8-901.000 · CN-202610-0007 · INV-202610-000123');
  });

  it('credits one line, the refund of the invoice with its reason, for the refunded amount', () => {
    expect(document().lines).toEqual([
      { description: 'Refund of invoice INV-202610-000123: Two agent seats were billed after the customer removed them.', quantity: '1', unitAmount: 'Rp 200.000', amount: 'Rp 200.000' },
    ]);
  });

  it("the line gives the reason of this note's own refund only, none when the invoice does not list it", () => {
    const [refund] = INVOICE_DETAIL.refunds;
    if (!refund) throw new Error('the example invoice lists its refund');
    const other = { ...refund, id: 'another-refund', reason: 'Not this one' };
    const descriptions = (refunds: typeof INVOICE_DETAIL.refunds) => document(CREDIT_NOTE, { ...INVOICE_DETAIL, refunds }).lines.map((line) => line.description);
    expect(descriptions([other, refund])).toEqual(['Refund of invoice INV-202610-000123: Two agent seats were billed after the customer removed them.']);
    expect(descriptions([other])).toEqual(['Refund of invoice INV-202610-000123']);
  });

  it('totals: the DPP and PPN credited (with the invoice tax rate) and the total credited, emphasised', () => {
    expect(totals()).toEqual([
      { label: 'Tax base credited (DPP)', amount: 'Rp 180.180' },
      { label: 'VAT credited (PPN 11%)', amount: 'Rp 19.820' },
      { label: 'Total credited', amount: 'Rp 200.000', emphasis: true },
    ]);
  });

  it('the PPN percent is the tax rate × 100 without floating-point noise', () => {
    // 0.0725 × 100 in floating point is 7.249999999999999.
    expect(totals(CREDIT_NOTE, { ...INVOICE_DETAIL, tax_rate: 0.0725 }).map((total) => total.label)).toContain('VAT credited (PPN 7.25%)');
  });

  it('money is shown in the currency of the note', () => {
    const usd: TCreditNote = { ...CREDIT_NOTE, currency: 'USD', amount: 12.5, tax_base: 11.26, tax_amount: 1.24 };
    expect(totals(usd).map((total) => total.amount)).toEqual(['$11.26', '$1.24', '$12.50']);
  });

  it('a voided note (the refund came back) is marked VOID and says when, and that nothing is credited', () => {
    expect(document(VOIDED)).toMatchObject({ statusLabel: 'Void', watermark: 'VOID' });
    expect(document(VOIDED).facts.at(-1)).toEqual({ label: 'Voided', value: '12 Oct 2026' });
    expect(document(VOIDED).notes[1]).toBe('Voided on 12 Oct 2026: the refund was returned, so nothing is credited.');
  });
});
