import type { TCreditNote } from '@/lib/billing/credit-notes/schemas';
import type { TInvoice, TInvoiceDetail, TInvoicePage, TRefund } from '@/lib/billing/invoices/schemas';
import type { TPayment, TRecordPaymentResult } from '@/lib/billing/payments/schemas';
import type { TRefundResult } from '@/lib/billing/refunds/schemas';
import { GROWTH_PLAN } from './catalog';

/** A Growth subscription with 12 agents: base + 2 extra agents, 11% tax, paid by bank transfer. */
export const PAID_INVOICE: TInvoice = {
  id: 'b1e5c8a2-7d4f-4a36-9c1b-5e8d2f7a4c90',
  number: 'INV-202610-000123',
  organization_id: 'c4a8e2f6-0b3d-4c71-8a5e-6f1b9d3c7e24',
  organization_name: 'Toko Sinar Jaya',
  subscription_id: 'd7f1b3e5-2a4c-4e86-b0d2-8c6a4e2f1b39',
  currency: 'IDR',
  status: 'paid',
  period_start: '2026-10-01T00:00:00.000Z',
  period_end: '2026-11-01T00:00:00.000Z',
  subtotal: 957_000,
  discount_total: 0,
  tax_total: 105_270,
  total: 1_062_270,
  amount_paid: 1_062_270,
  amount_refunded: 0,
  amount_refundable: 1_062_270,
  issued_at: '2026-10-01T00:00:00.000Z',
  paid_at: '2026-10-03T08:15:00.000Z',
  created_at: '2026-10-01T00:00:00.000Z',
};

export const INVOICE_PAGE: TInvoicePage = { data: [PAID_INVOICE], has_more: true, next_cursor: PAID_INVOICE.id };

const REFUND: TRefund = {
  id: 'e2c6a0f4-8b1d-4f93-a5c7-3d9e1b5f7a62',
  invoice_id: PAID_INVOICE.id,
  amount: 200_000,
  currency: 'IDR',
  reason: 'Two agent seats were billed after the customer removed them.',
  status: 'succeeded',
  failure_reason: null,
  provider: 'manual',
  method: 'bank_transfer',
  reference: 'BCA-20261010-100234',
  returned_at: null,
  created_by: 'superadmin@example.com',
  created_at: '2026-10-10T04:30:00.000Z',
};

/** The refund's credit note: 200,000 split in the invoice's proportions (PPN 105,270 of 1,062,270 → 19,820). */
export const CREDIT_NOTE: TCreditNote = {
  id: 'a9d3f7b1-5c2e-4a68-b4d0-2e6c8a0f3b57',
  number: 'CN-202610-0007',
  invoice_id: PAID_INVOICE.id,
  invoice_number: PAID_INVOICE.number,
  refund_id: REFUND.id,
  currency: 'IDR',
  amount: 200_000,
  tax_base: 180_180,
  tax_amount: 19_820,
  issued_at: REFUND.created_at,
  voided_at: null,
};

const PAYMENT: TPayment = {
  id: 'c6daf4b8-2a5e-4db7-a9fb-7b3c5d9fb046',
  invoice_id: PAID_INVOICE.id,
  amount: 1_062_270,
  currency: 'IDR',
  method: 'bank_transfer',
  provider: 'manual',
  provider_payment_id: null,
  reference: 'BCA-20261003-778812',
  paid_at: '2026-10-03T08:15:00.000Z',
  created_at: '2026-10-03T09:02:11.000Z',
};

export const RECORD_PAYMENT_BODY = { amount: 500_000, method: 'bank_transfer', reference: 'BCA-20261003-778812', paid_at: '2026-10-03T08:15:00Z' };

export const RECORD_PAYMENT_RESULT: TRecordPaymentResult = {
  payment: { ...PAYMENT, amount: 500_000 },
  invoice_status: 'open',
  amount_paid: 500_000,
  amount_due: 562_270,
};

const line = (id: string, kind: TInvoiceDetail['lines'][number]['kind'], description: string, quantity: number, unitAmount: number) =>
  ({ id, kind, description, quantity, unit_amount: unitAmount, amount: quantity * unitAmount });

export const INVOICE_DETAIL: TInvoiceDetail = {
  ...PAID_INVOICE,
  status: 'partially_refunded',
  amount_refunded: 200_000,
  amount_refundable: 862_270,
  tax_rate: 0.11,
  coupon_code: null,
  due_at: '2026-10-15T00:00:00.000Z',
  voided_at: null,
  void_reason: null,
  lines: [
    line('f3a7c1e5-9d2b-4a84-b6c8-4e0f2a6c8d13', 'plan_base', `${GROWTH_PLAN.name} plan, monthly`, 1, 799_000),
    line('a4b8d2f6-0e3c-4b95-87d9-5f1a3b7d9e24', 'per_agent', 'Agents above the 10 included', 2, 79_000),
    line('b5c9e3a7-1f4d-4ca6-98ea-6a2b4c8eaf35', 'tax', 'VAT 11%', 1, 105_270),
  ],
  payments: [PAYMENT],
  refunds: [REFUND],
  credit_notes: [CREDIT_NOTE],
};

export const REFUND_BODY = { reason: 'Two agent seats were billed after the customer removed them.', amount: 200_000, expected_amount_refunded: 0 };

export const REFUND_RESULT: TRefundResult = { status: 'succeeded', refund_amount: 200_000, invoice_status: 'partially_refunded', refund: REFUND };

export const VOID_BODY = { reason: 'Issued twice by mistake; INV-202610-000124 replaces it.' };

/** An open invoice, voided: same number and lines, nothing paid, when and why recorded. */
export const VOID_INVOICE_DETAIL: TInvoiceDetail = {
  ...INVOICE_DETAIL,
  status: 'void',
  amount_paid: 0,
  amount_refunded: 0,
  amount_refundable: 0,
  paid_at: null,
  voided_at: '2026-10-02T09:30:00.000Z',
  void_reason: VOID_BODY.reason,
  payments: [],
  refunds: [],
  credit_notes: [],
};
