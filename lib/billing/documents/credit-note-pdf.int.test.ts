import { beforeAll, describe, expect, it } from 'vitest';
import { GET as creditNotePdfRoute } from '@/app/api/v1/admin/billing/invoices/[id]/credit-notes/[creditNoteId]/pdf/route';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { db } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute } from '@/tests/integration/call-route';
import { embeddedFontNames, pdfPages } from '@/tests/integration/pdf-text';

let bearer: string;
const rupiah = (value: number) => formatMoney(value, 'IDR');

/** The route's bytes: callRoute reads bodies as text, which would mangle a binary PDF. */
async function downloadPdf(id: string, creditNoteId: string, authorization = bearer) {
  const { NextRequest } = await import('next/server');
  const url = `http://localhost:3000/api/v1/admin/billing/invoices/${id}/credit-notes/${creditNoteId}/pdf`;
  const response = await creditNotePdfRoute(new NextRequest(url, { headers: { authorization } }), { params: Promise.resolve({ id, creditNoteId }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** A paid invoice with 11% PPN, refunded in part through the API: its credit note. */
async function creditedInvoice(amount: number) {
  const invoice = await createInvoiceFixture({ total: '111000', taxTotal: '11000' });
  await db().organization.update({ where: { id: invoice.organizationId }, data: { taxId: '09.876.543.2-109.000' } });
  const result = await apiAs(bearer)(refundRoute, { method: 'POST', params: { id: invoice.id }, body: { reason: 'Dua agen dihapus', amount } });
  expect(result.status, result.text).toBe(201);
  const note = await db().creditNote.findFirstOrThrow({ where: { invoiceId: invoice.id } });
  return { invoice, note };
}

beforeAll(async () => {
  bearer = (await credentialsFor('super_admin')).bearer;
});

describe('GET /invoices/{id}/credit-notes/{creditNoteId}/pdf', () => {
  it('is an attachment named after the credit note, with the fonts embedded', async () => {
    const { invoice, note } = await creditedInvoice(55500);
    const { response, bytes } = await downloadPdf(invoice.id, note.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${note.number}.pdf"`);
    expect(embeddedFontNames(bytes)).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });

  it('reads back with its number, the invoice it corrects, both NPWPs, and DPP + PPN credited adding up to the refund', async () => {
    const { invoice, note } = await creditedInvoice(55500);
    const [page, ...rest] = await pdfPages((await downloadPdf(invoice.id, note.id)).bytes);
    expect(rest).toHaveLength(0);
    // 55,500 × 11,000 / 111,000 = 5,500 PPN; DPP 50,000.
    for (const expected of [
      'Credit note', note.number, 'Issued', `Invoice ${invoice.number}`,
      'NPWP 01.234.567.8-901.000', 'NPWP 09.876.543.2-109.000',
      `Refund of invoice ${invoice.number}: Dua agen dihapus`,
      `Tax base credited (DPP) ${rupiah(50000)}`, `VAT credited (PPN 11%) ${rupiah(5500)}`, `Total credited ${rupiah(55500)}`,
    ]) {
      expect(page, expected).toContain(expected);
    }
    expect(page).not.toContain('VOID');
  });

  it('a voided credit note (its refund came back) says VOID', async () => {
    const { invoice, note } = await creditedInvoice(1000);
    await db().creditNote.update({ where: { id: note.id }, data: { voidedAt: new Date(Date.UTC(2026, 10, 20)) } });
    const [page] = await pdfPages((await downloadPdf(invoice.id, note.id)).bytes);
    expect(page).toContain('VOID');
    expect(page).toContain('Voided 20 Nov 2026');
  });

  it('a credit note of another invoice, an unknown or non-UUID id is 404 problem+json; no credentials 401; an admin 403', async () => {
    const { invoice, note } = await creditedInvoice(1000);
    const other = await createInvoiceFixture();
    const api = apiAs(bearer);
    for (const params of [{ id: other.id, creditNoteId: note.id }, { id: invoice.id, creditNoteId: '00000000-0000-4000-8000-000000000000' }, { id: invoice.id, creditNoteId: 'not-a-uuid' }]) {
      const result = await api(creditNotePdfRoute, { params });
      expect(result.status, JSON.stringify(params)).toBe(404);
      expect(result.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await callRoute(creditNotePdfRoute, { params: { id: invoice.id, creditNoteId: note.id } })).status).toBe(401);
    expect((await downloadPdf(invoice.id, note.id, (await credentialsFor('admin')).bearer)).response.status).toBe(403);
  });
});
