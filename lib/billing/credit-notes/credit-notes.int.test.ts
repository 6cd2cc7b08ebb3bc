import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { GET as getInvoiceRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { ZInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { reconcileRefunds } from '@/lib/billing/refunds/reconcile-refunds';
import { usePaymentGateway as installGateway, type PaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { db } from '@/lib/db';
import { Decimal } from '@/lib/money';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { issueMissingCreditNotes } from './issue-missing-credit-notes';
import { splitCreditNoteTax } from './split-credit-note-tax';

let api: ReturnType<typeof apiAs>;
let restoreGateway: (() => void) | undefined;

const refund = (id: string, body: unknown) => api(refundRoute, { method: 'POST', params: { id }, body });
const detail = async (id: string) => ZInvoiceDetail.strict().parse((await api(getInvoiceRoute, { params: { id } })).body);
const notesOf = (invoiceId: string) => db().creditNote.findMany({ where: { invoiceId }, orderBy: { number: 'asc' } });
const swapGateway = (gateway: PaymentGateway) => {
  restoreGateway?.();
  restoreGateway = installGateway(gateway);
};
// Each refund its own provider id, as a provider gives (webhooks and the reconciler also find refunds by it).
const succeeding: PaymentGateway = {
  refund: async ({ refundId }) => ({ status: 'succeeded', reference: `re_${refundId}` }),
  lookup: async ({ refundId }) => ({ status: 'succeeded', reference: `re_${refundId}` }),
};
const pending: PaymentGateway = { refund: async ({ refundId }) => ({ status: 'pending', reference: `re_${refundId}` }) };

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});
afterEach(() => {
  restoreGateway?.();
  restoreGateway = undefined;
});

/** Every month's credit note numbers are exactly 1…n: unique and gap-free. */
async function expectGapFreeNumbers() {
  const numbers = (await db().creditNote.findMany({ select: { number: true } })).map((note) => note.number);
  const byMonth = new Map<string, number[]>();
  for (const number of numbers) {
    const [, month, n] = /^CN-(\d{6})-(\d{4,})$/.exec(number) ?? [];
    expect(month, number).toBeDefined();
    byMonth.set(month!, [...(byMonth.get(month!) ?? []), Number(n)]);
  }
  for (const [month, taken] of byMonth) {
    expect([...taken].sort((a, b) => a - b), month).toEqual(Array.from({ length: taken.length }, (_, i) => i + 1));
  }
  return numbers.length;
}

describe('credit notes (SPEC §12)', () => {
  it('a succeeded full refund issues one CN-YYYYMM-NNNN giving back the invoice DPP and PPN exactly, listed in GET /invoices/{id}', async () => {
    const invoice = await createInvoiceFixture({ total: '332890', taxTotal: '32990' });
    const result = await refund(invoice.id, { reason: 'Cancelled' });
    expect(result.body.status).toBe('succeeded');
    const body = await detail(invoice.id);
    expect(body.credit_notes).toHaveLength(1);
    const [note] = body.credit_notes;
    const month = new Date().toISOString().slice(0, 7).replace('-', '');
    expect(note!.number).toMatch(new RegExp(`^CN-${month}-\\d{4}$`));
    expect(note).toMatchObject({ invoice_id: invoice.id, invoice_number: invoice.number, refund_id: result.body.refund.id, currency: 'IDR', amount: 332890, tax_base: 299900, tax_amount: 32990, voided_at: null });
  });

  it('a partial refund splits in the invoice proportions, PPN half-up; the next partial refund gets the next number', async () => {
    const invoice = await createInvoiceFixture({ total: '111000', taxTotal: '11000' });
    const first = await refund(invoice.id, { reason: 'Part', amount: 50 });
    const second = await refund(invoice.id, { reason: 'More', amount: 100000 });
    const notes = await notesOf(invoice.id);
    expect(notes.map((n) => [n.refundId, n.amount.toFixed(), n.taxBase.toFixed(), n.taxAmount.toFixed()])).toEqual([
      [first.body.refund.id, '50', '45', '5'],
      [second.body.refund.id, '100000', '90090', '9910'],
    ]);
    const [a, b] = notes.map((n) => Number(n.number.slice(-4)));
    expect(b).toBe(a! + 1);
    expect((await detail(invoice.id)).credit_notes.map((n) => n.amount)).toEqual([100000, 50]);
  });

  it('a failed refund issues none and takes no number', async () => {
    const before = await db().creditNoteNumberCounter.findMany();
    swapGateway({ refund: async () => ({ status: 'failed', reason: 'Declined' }) });
    const invoice = await createInvoiceFixture({ total: '111000', taxTotal: '11000' });
    expect((await refund(invoice.id, { reason: 'No' })).body.status).toBe('failed');
    expect(await notesOf(invoice.id)).toHaveLength(0);
    expect(await db().creditNoteNumberCounter.findMany()).toEqual(before);
  });

  it('a pending refund has none until the reconciler settles it; then exactly one, however often it runs', async () => {
    swapGateway(pending);
    const invoice = await createInvoiceFixture({ total: '222000', taxTotal: '22000' });
    const result = await refund(invoice.id, { reason: 'Later', amount: 111000 });
    expect(result.body.status).toBe('pending');
    expect(await notesOf(invoice.id)).toHaveLength(0);
    swapGateway(succeeding);
    const ids = [result.body.refund.id as string];
    const runs = await Promise.all([reconcileRefunds({ refundIds: ids }), reconcileRefunds({ refundIds: ids }), reconcileRefunds({ refundIds: ids })]);
    expect(runs.every((run) => run.errors.length === 0)).toBe(true);
    expect(await reconcileRefunds({ refundIds: ids })).toMatchObject({ checked: 0 });
    const notes = await notesOf(invoice.id);
    expect(notes.map((n) => [n.amount.toFixed(), n.taxBase.toFixed(), n.taxAmount.toFixed()])).toEqual([['111000', '100000', '11000']]);
  });

  it('the backfill issues the notes of succeeded refunds that have none, dated when they settled, once', async () => {
    const invoice = await createInvoiceFixture({ total: '111000', taxTotal: '11000' });
    const settledAt = new Date(Date.UTC(2025, 0, 15, 10));
    const old = await db().refund.create({ data: { invoiceId: invoice.id, amount: '11100', currency: 'IDR', reason: 'Before credit notes', status: 'succeeded', settledAt, createdAt: settledAt } });
    await db().refund.create({ data: { invoiceId: invoice.id, amount: '100', currency: 'IDR', reason: 'Failed', status: 'failed', createdAt: settledAt } });
    expect(await db().$transaction((tx) => issueMissingCreditNotes(tx))).toBe(1);
    expect(await db().$transaction((tx) => issueMissingCreditNotes(tx))).toBe(0);
    const [note] = await notesOf(invoice.id);
    expect(note).toMatchObject({ refundId: old.id, number: 'CN-202501-0001', issuedAt: settledAt });
    expect([note!.taxBase.toFixed(), note!.taxAmount.toFixed()]).toEqual(['10000', '1100']);
  });

  it('a second note for one refund is refused by the database (refund_id is unique), and DPP + PPN must add up', async () => {
    const invoice = await createInvoiceFixture({ total: '111000', taxTotal: '11000' });
    const result = await refund(invoice.id, { reason: 'Once', amount: 1000 });
    const [note] = await notesOf(invoice.id);
    await expect(db().creditNote.create({ data: { number: 'CN-209901-0001', refundId: result.body.refund.id, invoiceId: invoice.id, currency: 'IDR', amount: '1000', taxBase: '901', taxAmount: '99', issuedAt: new Date() } })).rejects.toThrow();
    await expect(db().creditNote.update({ where: { id: note!.id }, data: { taxAmount: '100' } })).rejects.toThrow(/credit_notes_split_adds_up/);
  });

  it('40 refunds succeeding at once across 12 invoices — immediately, and by two reconcilers — number gap-free, and per invoice the notes add up to the succeeded refunds', async () => {
    const invoices = await Promise.all(Array.from({ length: 12 }, (_, i) => createInvoiceFixture({ total: String(111000 + i * 1110), taxTotal: String(11000 + i * 110) })));
    swapGateway(pending);
    const waiting = await Promise.all(invoices.slice(0, 6).map((invoice, i) => refund(invoice.id, { reason: `Pending ${i}`, amount: 7001 + i })));
    const pendingIds = waiting.map((result) => result.body.refund.id as string);
    swapGateway(succeeding);

    const immediate = invoices.flatMap((invoice, i) => [0, 1, 2].map((k) => () => refund(invoice.id, { reason: `Parallel ${i}.${k}`, amount: 3001 + 97 * k + i })));
    const [results, ...reconciled] = await Promise.all([
      Promise.all(immediate.map((go) => go())),
      reconcileRefunds({ refundIds: pendingIds.slice(0, 3) }),
      reconcileRefunds({ refundIds: pendingIds.slice(3) }),
      db().$transaction((tx) => issueMissingCreditNotes(tx)),
    ]);
    expect(results.every((result) => result.status === 201 && result.body.status === 'succeeded')).toBe(true);
    expect(reconciled.slice(0, 2).every((run) => typeof run === 'object' && run.errors.length === 0)).toBe(true);

    const total = await expectGapFreeNumbers();
    const succeeded = await db().refund.count({ where: { status: 'succeeded' } });
    expect(total).toBe(succeeded);
    for (const invoice of invoices) {
      const [notes, refunds, row] = await Promise.all([
        notesOf(invoice.id),
        db().refund.findMany({ where: { invoiceId: invoice.id, status: 'succeeded' } }),
        db().invoice.findUniqueOrThrow({ where: { id: invoice.id } }),
      ]);
      expect(notes.map((n) => n.refundId).sort()).toEqual(refunds.map((r) => r.id).sort());
      const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed();
      expect(sum(notes.map((n) => new Decimal(n.amount.toFixed())))).toBe(sum(refunds.map((r) => new Decimal(r.amount.toFixed()))));
      expect(sum(notes.map((n) => new Decimal(n.amount.toFixed())))).toBe(row.amountRefunded.toFixed());
      for (const note of notes) {
        const split = splitCreditNoteTax(note.amount, { total: row.total, taxTotal: row.taxTotal }, 'IDR');
        expect([note.taxBase.toFixed(), note.taxAmount.toFixed()]).toEqual([split.taxBase.toFixed(), split.taxAmount.toFixed()]);
      }
    }
    expect(await db().refund.count({ where: { id: { in: pendingIds }, status: 'succeeded' } })).toBe(6);
  });
});
