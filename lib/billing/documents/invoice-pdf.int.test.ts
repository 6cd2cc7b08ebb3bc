import { beforeAll, describe, expect, it } from 'vitest';
import { GET as pdfRoute } from '@/app/api/v1/admin/billing/invoices/[id]/pdf/route';
import { db } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute } from '@/tests/integration/call-route';
import { embeddedFontNames, pdfPages } from '@/tests/integration/pdf-text';

let bearer: string;

/** The route's bytes: callRoute reads bodies as text, which would mangle a binary PDF. */
async function downloadPdf(id: string, authorization = bearer) {
  const response = await pdfRoute(new (await import('next/server')).NextRequest(`http://localhost:3000/api/v1/admin/billing/invoices/${id}/pdf`, { headers: { authorization } }), {
    params: Promise.resolve({ id }),
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** An invoice as the engine issues one: plan, extra agents, a coupon discount, and 11% PPN on what is left (docs/BILLING.md). */
async function issuedInvoice(status: 'open' | 'paid' = 'open') {
  const invoice = await createInvoiceFixture({ status, total: '1029564' });
  await db().invoiceLine.deleteMany({ where: { invoiceId: invoice.id } });
  const lines = [
    { kind: 'plan_base', description: 'Growth plan, monthly', quantity: 1, unitAmount: '799000', amount: '799000' },
    { kind: 'per_agent', description: 'Agen tambahan di atas 10 yang termasuk', quantity: 2, unitAmount: '79000', amount: '158000' },
    { kind: 'discount', description: 'Coupon HEMAT5 (5%)', quantity: 1, unitAmount: '-47850', amount: '-47850' },
    { kind: 'tax', description: 'Tax (11%)', quantity: 1, unitAmount: '100014', amount: '100014' },
  ] as const;
  await db().invoiceLine.createMany({ data: lines.map((line, position) => ({ ...line, position, invoiceId: invoice.id })) });
  // The buyer's NPWP, on file with the organization (SPEC §10).
  await db().organization.update({ where: { id: invoice.organizationId }, data: { taxId: '09.876.543.2-109.000' } });
  return db().invoice.update({
    where: { id: invoice.id },
    data: { subtotal: '957000', discountTotal: '47850', taxRate: '0.11', taxTotal: '100014', total: '1009164', amountPaid: status === 'paid' ? '1009164' : '0', dueAt: new Date(Date.UTC(2026, 10, 15)) },
    include: { organization: true },
  });
}

beforeAll(async () => {
  bearer = (await credentialsFor('super_admin')).bearer;
});

describe('GET /invoices/{id}/pdf', () => {
  it('is an attachment named after the invoice, a real PDF with DejaVu Sans embedded', async () => {
    const invoice = await issuedInvoice();
    const { response, bytes } = await downloadPdf(invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(embeddedFontNames(bytes)).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });

  it('reads back with the number, seller and buyer, lines, DPP, PPN and total in Rupiah', async () => {
    const invoice = await issuedInvoice();
    const [page, ...rest] = await pdfPages((await downloadPdf(invoice.id)).bytes);
    expect(rest).toHaveLength(0);
    const rupiah = (value: number) => formatMoney(value, 'IDR');
    expect(rupiah(1009164)).toBe('Rp 1.009.164');
    for (const expected of [
      'Invoice', invoice.number, 'Open',
      'PT Pesan Cepat Indonesia', 'NPWP 01.234.567.8-901.000',
      invoice.organization.name, invoice.organization.billingEmail, 'Indonesia', 'NPWP 09.876.543.2-109.000',
      'Agen tambahan di atas 10 yang termasuk', rupiah(158000),
      `Subtotal ${rupiah(957000)}`, `Discount ${rupiah(-47850)}`,
      `Tax base (DPP) ${rupiah(909150)}`, `VAT (PPN 11%) ${rupiah(100014)}`,
      `Total ${rupiah(1009164)}`, `Paid ${rupiah(0)}`, `Amount due ${rupiah(1009164)}`,
      'Due 15 Nov 2026',
    ]) {
      expect(page, expected).toContain(expected);
    }
    // The coupon and the tax are totals, not lines: each amount appears once.
    expect(page!.split(rupiah(100014))).toHaveLength(2);
  });

  it('a void invoice says VOID, when and why, and that nothing is due', async () => {
    const invoice = await issuedInvoice();
    await db().invoice.update({ where: { id: invoice.id }, data: { status: 'void', voidedAt: new Date(Date.UTC(2026, 10, 20)), voidReason: 'Pelanggan membatalkan pesanan' } });
    const [page] = await pdfPages((await downloadPdf(invoice.id)).bytes);
    expect(page).toContain('VOID');
    expect(page).toContain('Voided 20 Nov 2026');
    expect(page).toContain('voided on 20 Nov 2026: Pelanggan membatalkan pesanan. Nothing is payable on it.');
    expect(page).toContain(`Amount due ${formatMoney(0, 'IDR')}`);
    expect(page).toContain(invoice.number);
  });

  it('a paid invoice shows what was paid and refunded', async () => {
    const invoice = await issuedInvoice('paid');
    await db().invoice.update({ where: { id: invoice.id }, data: { status: 'partially_refunded', amountRefunded: '9164' } });
    const [page] = await pdfPages((await downloadPdf(invoice.id)).bytes);
    expect(page).toContain('Partially refunded');
    expect(page).toContain(`Paid ${formatMoney(1009164, 'IDR')}`);
    expect(page).toContain(`Refunded ${formatMoney(9164, 'IDR')}`);
    expect(page).toContain(`Amount due ${formatMoney(0, 'IDR')}`);
  });

  it('an unknown or non-UUID id is 404 problem+json; no credentials 401; an admin 403', async () => {
    const api = apiAs(bearer);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const result = await api(pdfRoute, { params: { id } });
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toBe('application/problem+json');
    }
    const invoice = await createInvoiceFixture();
    expect((await callRoute(pdfRoute, { params: { id: invoice.id } })).status).toBe(401);
    expect((await downloadPdf(invoice.id, (await credentialsFor('admin')).bearer)).response.status).toBe(403);
  });
});
