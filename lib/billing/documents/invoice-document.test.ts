import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { INVOICE_DETAIL } from '@/lib/openapi/examples/invoices';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { invoiceDocument, type TBuyer, type TSeller } from './invoice-document';
import { documentDate, documentPeriod, partyDetails } from './document-format';

const SELLER: TSeller = { name: 'PT Pesan Cepat Indonesia', address: 'Jl. Sudirman 1\nJakarta', email: 'billing@example.test', npwp: '01.234.567.8-901.000' };
const BUYER: TBuyer = { name: 'Toko Sinar Jaya', billingEmail: 'keuangan@sinarjaya.test', country: 'ID', taxId: null };

/** The invoice row's numeric, as Prisma reads it. */
const TAX_RATE = new Decimal('0.11');

const withCoupon: TInvoiceDetail = {
  ...INVOICE_DETAIL,
  status: 'open',
  coupon_code: 'HEMAT5',
  subtotal: 957_000,
  discount_total: 47_850,
  tax_total: 100_007,
  total: 1_009_157,
  amount_paid: 0,
  amount_refunded: 0,
  amount_refundable: 0,
  paid_at: null,
  lines: [
    ...INVOICE_DETAIL.lines.filter((line) => line.kind !== 'tax'),
    { id: 'c0a80101-0000-4000-8000-000000000001', kind: 'discount', description: 'Coupon HEMAT5', quantity: 1, unit_amount: -47_850, amount: -47_850 },
    { id: 'c0a80101-0000-4000-8000-000000000002', kind: 'tax', description: 'Tax (11%)', quantity: 1, unit_amount: 100_007, amount: 100_007 },
  ],
};
const totals = (invoice: TInvoiceDetail) => Object.fromEntries(invoiceDocument(invoice, BUYER, SELLER, TAX_RATE).totals.map((total) => [total.label, total.amount]));

describe('invoiceDocument', () => {
  it('lists what was charged; the discount and PPN are totals, with the tax base (DPP) being subtotal less discount', () => {
    const document = invoiceDocument(withCoupon, BUYER, SELLER, TAX_RATE);
    expect(document.lines.map((line) => line.description)).toEqual(['Growth plan, monthly', 'Agents above the 10 included']);
    expect(totals(withCoupon)).toEqual({
      Subtotal: 'Rp 957.000',
      'Discount (HEMAT5)': '-Rp 47.850',
      'Tax base (DPP)': 'Rp 909.150',
      'VAT (PPN 11%)': 'Rp 100.007',
      Total: 'Rp 1.009.157',
      Paid: 'Rp 0',
      'Amount due': 'Rp 1.009.157',
    });
    expect(document).toMatchObject({ title: 'Invoice', number: INVOICE_DETAIL.number, statusLabel: 'Open', watermark: null, notes: [], fileName: `${INVOICE_DETAIL.number}.pdf` });
  });

  it('what is due is the total less what was paid; refunds are shown and owe nothing', () => {
    expect(totals({ ...INVOICE_DETAIL })).toMatchObject({ Paid: 'Rp 1.062.270', Refunded: 'Rp 200.000', 'Amount due': 'Rp 0' });
    expect(totals({ ...withCoupon, amount_paid: 9_157 })['Amount due']).toBe('Rp 1.000.000');
    // No discount: no discount row, and DPP is the subtotal.
    expect(totals({ ...INVOICE_DETAIL })).not.toHaveProperty('Discount');
    expect(totals({ ...INVOICE_DETAIL })['Tax base (DPP)']).toBe('Rp 957.000');
  });

  it('a void invoice is marked VOID, says when and why, and nothing is due on it', () => {
    const voided = { ...withCoupon, status: 'void' as const, voided_at: '2026-10-05T10:00:00.000Z', void_reason: 'Issued twice' };
    const document = invoiceDocument(voided, BUYER, SELLER, TAX_RATE);
    expect(document).toMatchObject({ statusLabel: 'Void', watermark: 'VOID' });
    expect(document.facts).toContainEqual({ label: 'Voided', value: '5 Oct 2026' });
    expect(document.notes).toEqual(['This invoice was voided on 5 Oct 2026: Issued twice. Nothing is payable on it.']);
    expect(invoiceDocument({ ...voided, void_reason: 'Duplicate!' }, BUYER, SELLER, TAX_RATE).notes[0]).toContain(': Duplicate! Nothing');
    expect(invoiceDocument({ ...voided, void_reason: null }, BUYER, SELLER, TAX_RATE).notes[0]).toBe('This invoice was voided on 5 Oct 2026. Nothing is payable on it.');
    expect(totals(voided)['Amount due']).toBe('Rp 0');
    expect(totals(voided).Total).toBe('Rp 1.009.157');
  });

  it('seller and buyer: address lines apart, the country by name, NPWP when known', () => {
    const document = invoiceDocument(withCoupon, { ...BUYER, taxId: '09.876.543.2-109.000' }, SELLER, TAX_RATE);
    expect(document.seller).toEqual({ heading: 'From', name: SELLER.name, details: ['Jl. Sudirman 1', 'Jakarta', 'billing@example.test'], taxId: SELLER.npwp });
    expect(document.buyer).toEqual({ heading: 'Bill to', name: BUYER.name, details: ['keuangan@sinarjaya.test', 'Indonesia'], taxId: '09.876.543.2-109.000' });
    expect(invoiceDocument(withCoupon, BUYER, SELLER, TAX_RATE).buyer.taxId).toBeNull();
  });

  it("the PPN percent is the row's numeric rate, digit for digit, not the DTO's JSON number", () => {
    const labels = (rate: Decimal) => invoiceDocument(withCoupon, BUYER, SELLER, rate).totals.map((total) => total.label);
    expect(labels(new Decimal('0.115'))).toContain('VAT (PPN 11.5%)');
    // 0.0725 × 100 in floating point is 7.249999999999999; the numeric is exact.
    expect(labels(new Decimal('0.0725'))).toContain('VAT (PPN 7.25%)');
    expect(labels(new Decimal('0.1200'))).toContain('VAT (PPN 12%)');
  });
});

describe('document dates and parties', () => {
  it('a period is printed with its last day, not its exclusive end', () => {
    expect(documentPeriod('2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')).toBe('1 Oct 2026 – 31 Oct 2026');
    expect(documentPeriod('2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')).toBe('1 Oct 2026 – 1 Oct 2026');
  });

  it('empty address lines are left out', () => {
    expect(partyDetails(['', '  a  \n\n b', null], 'sg')).toEqual(['a', 'b', 'Singapore']);
  });
});

describe('invoiceDocument: facts, lines and footer the customer reads', () => {
  it('facts: issued, due and period always (an em dash for no date); paid only once paid', () => {
    const open = invoiceDocument({ ...withCoupon, issued_at: '2026-10-01T08:00:00.000Z', due_at: null }, BUYER, SELLER, TAX_RATE);
    expect(open.facts).toEqual([
      { label: 'Issued', value: '1 Oct 2026' },
      { label: 'Due', value: '—' },
      { label: 'Period', value: documentPeriod(withCoupon.period_start, withCoupon.period_end) },
    ]);
    const paid = invoiceDocument({ ...withCoupon, paid_at: '2026-10-03T01:00:00.000Z' }, BUYER, SELLER, TAX_RATE);
    expect(paid.facts.map((fact) => fact.label)).toEqual(['Issued', 'Due', 'Period', 'Paid']);
    expect(paid.facts[3]).toEqual({ label: 'Paid', value: '3 Oct 2026' });
  });

  it('each charged line shows its quantity the Indonesian way and its unit and line amounts in the currency', () => {
    const document = invoiceDocument({ ...withCoupon, lines: [{ id: 'c0a80101-0000-4000-8000-000000000009', kind: 'overage', description: 'Messages beyond 1000 included', quantity: 12_345, unit_amount: 150.5, amount: 1_857_923 }] }, BUYER, SELLER, TAX_RATE);
    expect(document.lines).toEqual([{ description: 'Messages beyond 1000 included', quantity: '12.345', unitAmount: 'Rp 150,5', amount: 'Rp 1.857.923' }]);
  });

  it('a discount without a coupon code is labelled "Discount"', () => {
    expect(totals({ ...withCoupon, coupon_code: null })).toHaveProperty('Discount', '-Rp 47.850');
  });

  it('the footer names the seller, its NPWP and the invoice number; a seller without NPWP shows none', () => {
    expect(invoiceDocument(withCoupon, BUYER, SELLER, TAX_RATE).footer).toBe(`PT Pesan Cepat Indonesia · NPWP 01.234.567.8-901.000 · ${withCoupon.number}`);
    expect(invoiceDocument(withCoupon, BUYER, { ...SELLER, npwp: '' }, TAX_RATE).seller.taxId).toBeNull();
  });

  it('the total and what is due are emphasised, nothing else', () => {
    const emphasised = invoiceDocument(withCoupon, BUYER, SELLER, TAX_RATE).totals.filter((total) => total.emphasis).map((total) => total.label);
    expect(emphasised).toEqual(['Total', 'Amount due']);
  });
});

describe('documentDate and partyDetails', () => {
  it('a date is written day, short month, year in UTC; no date is an em dash', () => {
    expect(documentDate('2026-03-03T23:30:00.000Z')).toBe('3 Mar 2026');
    expect(documentDate(null)).toBe('—');
  });

  it('a country code with no known name is shown as its code; no country adds no line', () => {
    expect(partyDetails(['a'], 'qq')).toEqual(['a', 'QQ']);
    expect(partyDetails(['a'])).toEqual(['a']);
  });
});

describe('invoiceDocument: rows shown only when they apply', () => {
  it('an unpaid invoice without discount or refund has exactly these totals and facts, nothing more', () => {
    const plain = { ...withCoupon, discount_total: 0, coupon_code: null, amount_refunded: 0, paid_at: null };
    const document = invoiceDocument(plain, BUYER, SELLER, TAX_RATE);
    expect(document.totals.map((total) => total.label)).toEqual(['Subtotal', 'Tax base (DPP)', 'VAT (PPN 11%)', 'Total', 'Paid', 'Amount due']);
    expect(document.facts.map((fact) => fact.label)).toEqual(['Issued', 'Due', 'Period']);
  });

  it('add-on and overage lines are charges and listed; discount, tax and credit lines are not', () => {
    const lines = (['plan_base', 'per_agent', 'overage', 'addon', 'discount', 'tax', 'credit'] as const).map((kind, index) => ({
      id: `c0a80101-0000-4000-8000-00000000001${index}`, kind, description: kind, quantity: 1, unit_amount: 1, amount: 1,
    }));
    expect(invoiceDocument({ ...withCoupon, lines }, BUYER, SELLER, TAX_RATE).lines.map((line) => line.description)).toEqual(['plan_base', 'per_agent', 'overage', 'addon']);
  });

  it('a void reason gets a full stop unless it already ends with one; punctuation inside it does not count', () => {
    const voided = { ...withCoupon, status: 'void' as const, voided_at: '2026-10-05T10:00:00.000Z' };
    expect(invoiceDocument({ ...voided, void_reason: 'Issued twice. Reissued as INV-2' }, BUYER, SELLER, TAX_RATE).notes[0]).toContain(': Issued twice. Reissued as INV-2. Nothing');
    expect(invoiceDocument({ ...voided, void_reason: 'Wrong plan?' }, BUYER, SELLER, TAX_RATE).notes[0]).toContain(': Wrong plan? Nothing');
  });
});
