import { describe, expect, it } from 'vitest';
import type { CreditNote, Invoice, InvoiceLine, Payment, Refund } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { invoiceDetailToDto, invoiceToDto, refundableAmount, refundToDto } from './invoice-dto';

const dec = (value: string) => new Decimal(value) as unknown as Invoice['total'];
const at = (iso: string) => new Date(iso);

const invoice: Invoice & { organization: { name: string } } = {
  id: 'i1', number: 'INV-202603-0001', organizationId: 'o1', subscriptionId: 's1', planId: 'p1', currency: 'IDR', kind: 'subscription', status: 'partially_refunded',
  periodStart: at('2026-03-01T00:00:00.000Z'), periodEnd: at('2026-04-01T00:00:00.000Z'),
  subtotal: dec('1000000'), discountTotal: dec('100000'), taxRate: dec('0.11'), taxTotal: dec('99000'), total: dec('999000'),
  amountPaid: dec('999000'), amountRefunded: dec('250000.5'), couponId: 'c1',
  issuedAt: at('2026-03-01T00:00:01.000Z'), dueAt: at('2026-03-15T00:00:00.000Z'), paidAt: at('2026-03-02T00:00:00.000Z'), voidedAt: null,
  createdAt: at('2026-03-01T00:00:00.500Z'), organization: { name: 'PT Maju' },
} as Invoice & { organization: { name: string } };

const refund = (over: Partial<Refund> & { actorUser?: { email: string } | null; actorApiKey?: { name: string; prefix: string } | null }) => ({
  id: 'r1', invoiceId: 'i1', amount: dec('250000.5'), currency: 'IDR', reason: 'duplicate', status: 'succeeded', failureReason: null, provider: 'xendit', method: 'transfer', reference: 'x-1',
  returnedAt: null, createdAt: at('2026-03-03T00:00:00.000Z'), actorUser: null, actorApiKey: null, ...over,
}) as Refund & { actorUser: { email: string } | null; actorApiKey: { name: string; prefix: string } | null };

describe('refundableAmount', () => {
  it('is paid minus refunded on a paid or partially refunded invoice', () => {
    expect(refundableAmount({ status: 'paid', amountPaid: dec('999000'), amountRefunded: dec('0') }).toString()).toBe('999000');
    expect(refundableAmount({ status: 'partially_refunded', amountPaid: dec('999000'), amountRefunded: dec('250000.5') }).toString()).toBe('748999.5');
  });

  it('is nothing on an invoice that cannot be refunded (open, void, refunded, draft)', () => {
    for (const status of ['open', 'void', 'refunded', 'draft'] as const) {
      expect(refundableAmount({ status, amountPaid: dec('999000'), amountRefunded: dec('1') }).toString()).toBe('0');
    }
  });
});

describe('invoiceToDto', () => {
  it('shows an invoice with the API field names, money as JSON numbers, the refundable amount, instants as ISO strings (null when unset)', () => {
    expect(invoiceToDto({ ...invoice, paidAt: null })).toEqual({
      id: 'i1', number: 'INV-202603-0001', organization_id: 'o1', organization_name: 'PT Maju', subscription_id: 's1', currency: 'IDR', status: 'partially_refunded',
      period_start: '2026-03-01T00:00:00.000Z', period_end: '2026-04-01T00:00:00.000Z',
      subtotal: 1000000, discount_total: 100000, tax_total: 99000, total: 999000, amount_paid: 999000, amount_refunded: 250000.5, amount_refundable: 748999.5,
      issued_at: '2026-03-01T00:00:01.000Z', paid_at: null, created_at: '2026-03-01T00:00:00.500Z',
    });
  });
});

describe('refundToDto', () => {
  it('names who refunded: the user\'s email, else the API key by name and prefix, else null', () => {
    expect(refundToDto(refund({ actorUser: { email: 'ops@example.com' }, actorApiKey: { name: 'ci', prefix: 'bk_12' } })).created_by).toBe('ops@example.com');
    expect(refundToDto(refund({ actorApiKey: { name: 'ci', prefix: 'bk_12' } })).created_by).toBe('API key ci (bk_12…)');
    expect(refundToDto(refund({})).created_by).toBeNull();
  });

  it('shows a refund with the API field names, its amount as a JSON number and instants as ISO strings', () => {
    expect(refundToDto(refund({ status: 'failed', failureReason: 'declined', returnedAt: at('2026-03-04T00:00:00.000Z') }))).toEqual({
      id: 'r1', invoice_id: 'i1', amount: 250000.5, currency: 'IDR', reason: 'duplicate', status: 'failed', failure_reason: 'declined', provider: 'xendit',
      method: 'transfer', reference: 'x-1', returned_at: '2026-03-04T00:00:00.000Z', created_by: null, created_at: '2026-03-03T00:00:00.000Z',
    });
  });
});

describe('invoiceDetailToDto', () => {
  const line = (position: number, description: string): InvoiceLine => ({
    id: `l${position}`, invoiceId: 'i1', position, kind: 'plan_base', description, quantity: 2, unitAmount: dec('500000'), amount: dec('1000000'), addonId: null,
  });
  const payment: Payment = {
    id: 'pay1', invoiceId: 'i1', amount: dec('999000'), currency: 'IDR', method: 'transfer', provider: 'manual', providerPaymentId: null, reference: null, gatewayRef: null,
    paidAt: at('2026-03-02T00:00:00.000Z'), createdAt: at('2026-03-02T00:00:00.000Z'),
  };
  const creditNote = (number: string, issuedAt: string): CreditNote => ({
    id: `id-${number}`, number, refundId: `r-${number}`, invoiceId: 'i1', currency: 'IDR', amount: dec('111000'), taxBase: dec('100000'), taxAmount: dec('11000'), issuedAt: at(issuedAt), voidedAt: null,
  });
  // Built inside each test (not while the file is collected), so a broken mapping fails a named test.
  const detail = () => invoiceDetailToDto({
    ...invoice, coupon: { code: 'HEMAT' }, voidReason: null,
    lines: [line(2, 'second'), line(0, 'first'), line(1, 'middle')],
    payments: [payment],
    refunds: [refund({ id: 'old', createdAt: at('2026-03-03T00:00:00.000Z') }), refund({ id: 'new', createdAt: at('2026-03-05T00:00:00.000Z') })],
    creditNotes: [creditNote('CN-202603-0001', '2026-03-03T00:00:00.000Z'), creditNote('CN-202603-0002', '2026-03-05T00:00:00.000Z'), creditNote('CN-202603-0003', '2026-03-05T00:00:00.000Z')],
  } as Parameters<typeof invoiceDetailToDto>[0]);

  it('lists lines in their stored position order, each with its amounts as JSON numbers', () => {
    expect(detail().lines.map((item) => item.description)).toEqual(['first', 'middle', 'second']);
    expect(detail().lines[0]).toEqual({ id: 'l0', kind: 'plan_base', description: 'first', quantity: 2, unit_amount: 500000, amount: 1000000 });
  });

  it('lists refunds newest first and payments as the payment API shows them', () => {
    expect(detail().refunds.map((item) => item.id)).toEqual(['new', 'old']);
    expect(detail().payments).toEqual([expect.objectContaining({ id: 'pay1', amount: 999000, paid_at: '2026-03-02T00:00:00.000Z' })]);
  });

  it('lists credit notes newest first, the higher number first when issued at the same instant', () => {
    expect(detail().credit_notes.map((item) => item.number)).toEqual(['CN-202603-0003', 'CN-202603-0002', 'CN-202603-0001']);
  });

  it('shows each credit note as the credit note API does, with the number of this invoice', () => {
    expect(detail().credit_notes[2]).toEqual({
      id: 'id-CN-202603-0001', number: 'CN-202603-0001', invoice_id: 'i1', invoice_number: 'INV-202603-0001', refund_id: 'r-CN-202603-0001', currency: 'IDR',
      amount: 111000, tax_base: 100000, tax_amount: 11000, issued_at: '2026-03-03T00:00:00.000Z', voided_at: null,
    });
  });

  it('adds the tax rate, coupon code, due and void fields to the invoice shape (null when there is none)', () => {
    expect(detail()).toMatchObject({ number: 'INV-202603-0001', tax_rate: 0.11, coupon_code: 'HEMAT', due_at: '2026-03-15T00:00:00.000Z', voided_at: null, void_reason: null });
    const bare = invoiceDetailToDto({ ...invoice, coupon: null, dueAt: null, voidedAt: at('2026-03-09T00:00:00.000Z'), voidReason: 'wrong plan', lines: [], payments: [], refunds: [], creditNotes: [] } as Parameters<typeof invoiceDetailToDto>[0]);
    expect(bare).toMatchObject({ coupon_code: null, due_at: null, voided_at: '2026-03-09T00:00:00.000Z', void_reason: 'wrong plan' });
  });
});
