import type { CreditNote, Invoice, InvoiceLine, Payment, Refund } from '@/lib/generated/prisma/client';
import { creditNoteToDto } from '@/lib/billing/credit-notes/credit-note-dto';
import { paymentToDto } from '@/lib/billing/payments/payment-dto';
import { moneyToJson, toDecimal } from '@/lib/money';
import { REFUNDABLE_STATUSES, type TInvoice, type TInvoiceDetail, type TRefund } from './schemas';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** What is still refundable: paid minus refunded, on a refundable invoice; otherwise nothing. */
export function refundableAmount(invoice: Pick<Invoice, 'status' | 'amountPaid' | 'amountRefunded'>) {
  return (REFUNDABLE_STATUSES as readonly string[]).includes(invoice.status)
    ? toDecimal(invoice.amountPaid).minus(toDecimal(invoice.amountRefunded))
    : toDecimal(0);
}

export function invoiceToDto(invoice: Invoice & { organization: { name: string } }): TInvoice {
  return {
    id: invoice.id,
    number: invoice.number,
    organization_id: invoice.organizationId,
    organization_name: invoice.organization.name,
    subscription_id: invoice.subscriptionId,
    currency: invoice.currency as TInvoice['currency'],
    status: invoice.status,
    period_start: invoice.periodStart.toISOString(),
    period_end: invoice.periodEnd.toISOString(),
    subtotal: moneyToJson(invoice.subtotal),
    discount_total: moneyToJson(invoice.discountTotal),
    tax_total: moneyToJson(invoice.taxTotal),
    total: moneyToJson(invoice.total),
    amount_paid: moneyToJson(invoice.amountPaid),
    amount_refunded: moneyToJson(invoice.amountRefunded),
    amount_refundable: moneyToJson(refundableAmount(invoice)),
    issued_at: iso(invoice.issuedAt),
    paid_at: iso(invoice.paidAt),
    created_at: invoice.createdAt.toISOString(),
  };
}

type RefundWithActor = Refund & { actorUser: { email: string } | null; actorApiKey: { name: string; prefix: string } | null };

export function refundToDto(refund: RefundWithActor): TRefund {
  return {
    id: refund.id,
    invoice_id: refund.invoiceId,
    amount: moneyToJson(refund.amount),
    currency: refund.currency as TRefund['currency'],
    reason: refund.reason,
    status: refund.status,
    failure_reason: refund.failureReason,
    provider: refund.provider,
    method: refund.method,
    reference: refund.reference,
    returned_at: iso(refund.returnedAt),
    created_by: refund.actorUser?.email ?? (refund.actorApiKey ? `API key ${refund.actorApiKey.name} (${refund.actorApiKey.prefix}…)` : null),
    created_at: refund.createdAt.toISOString(),
  };
}

export const REFUND_ACTOR_INCLUDE = {
  actorUser: { select: { email: true } },
  actorApiKey: { select: { name: true, prefix: true } },
} as const;

export function invoiceDetailToDto(
  invoice: Invoice & {
    organization: { name: string };
    coupon: { code: string } | null;
    lines: InvoiceLine[];
    payments: Payment[];
    refunds: RefundWithActor[];
    creditNotes: CreditNote[];
  },
): TInvoiceDetail {
  return {
    ...invoiceToDto(invoice),
    tax_rate: moneyToJson(invoice.taxRate),
    coupon_code: invoice.coupon?.code ?? null,
    due_at: iso(invoice.dueAt),
    voided_at: iso(invoice.voidedAt),
    void_reason: invoice.voidReason,
    lines: [...invoice.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        id: line.id,
        kind: line.kind,
        description: line.description,
        quantity: line.quantity,
        unit_amount: moneyToJson(line.unitAmount),
        amount: moneyToJson(line.amount),
      })),
    payments: invoice.payments.map(paymentToDto),
    refunds: [...invoice.refunds].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(refundToDto),
    credit_notes: [...invoice.creditNotes]
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || b.number.localeCompare(a.number))
      .map((note) => creditNoteToDto({ ...note, invoice: { number: invoice.number } })),
  };
}
