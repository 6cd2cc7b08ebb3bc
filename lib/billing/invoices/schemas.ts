import { z } from 'zod';
import { ZCurrency } from '@/lib/billing/shared/schemas';
import { ZCreditNote } from '@/lib/billing/credit-notes/schemas';
import { ZPayment } from '@/lib/billing/payments/schemas';
import { INVOICE_STATUSES } from './invoice-statuses';

export { INVOICE_STATUSES };
export const ZInvoiceStatus = z.enum(INVOICE_STATUSES, { error: `Use one of ${INVOICE_STATUSES.join(', ')}.` });
export const REFUNDABLE_STATUSES = ['paid', 'partially_refunded'] as const;

/** A calendar date (`2026-01-31`, the whole day, UTC) or an ISO 8601 timestamp. */
/** How a list's `from`/`to` may be written (OpenAPI parameter descriptions). */
export const DATE_BOUND_FORMS = 'A date (`2026-01-31`, 00:00 UTC) or an ISO 8601 timestamp with an offset.';
export const ZDateBound = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Use a date (2026-01-31) or an ISO 8601 timestamp.' })
  // PostgreSQL has no year 0: an instant before 0001-01-01 UTC (e.g. `0000-01-01`) is refused here, not by the database.
  .refine((value) => dateBoundStart(value).getUTCFullYear() >= 1, { error: 'Use a date on or after 0001-01-01 (UTC).' });

/** SPEC §3.2a: keyset pagination, limit 1–100 (default 25). */
export const ZInvoiceListQuery = z
  .strictObject({
    status: ZInvoiceStatus.optional().meta({ description: 'Only invoices in this status. Default: every status.' }),
    organization_id: z.uuid({ error: 'Must be an organization id (UUID).' }).optional().meta({ description: "Only this organization's invoices. Default: every organization." }),
    from: ZDateBound.optional().meta({ description: `Issued at or after this (inclusive). ${DATE_BOUND_FORMS} Default: no lower bound.` }),
    to: ZDateBound.optional().meta({ description: `Issued up to this: a date includes that whole day (UTC); a timestamp is exclusive. ${DATE_BOUND_FORMS} Default: no upper bound.` }),
    q: z.string().trim().max(64, 'At most 64 characters.').optional().meta({ description: 'Part of the invoice number, any case (`%` and `_` match themselves), at most 64 characters.' }),
    limit: z.coerce.number({ error: 'Must be a whole number from 1 to 100.' }).int('Must be a whole number from 1 to 100.').min(1, 'At least 1.').max(100, 'At most 100.').default(25).meta({ description: 'Invoices per page, 1–100. Default: 25.' }),
    starting_after: z.uuid({ error: 'Must be an invoice id from a previous page (next_cursor).' }).optional().meta({ description: 'The previous page\'s `next_cursor`: the page after that invoice. Default: the first page.' }),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && dateBoundStart(query.from) >= dateBoundEnd(query.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be on or after `from`.' });
    }
  });

/** Inclusive start of a `from` bound. */
export function dateBoundStart(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
}

/** Exclusive end of a `to` bound: a date means the whole of that day. */
export function dateBoundEnd(value: string): Date {
  const start = dateBoundStart(value);
  return value.length === 10 ? new Date(start.getTime() + 86_400_000) : start;
}

const ZMoney = z.number();
const ZTime = z.iso.datetime();

export const ZInvoice = z.strictObject({
  id: z.uuid(),
  number: z.string(),
  organization_id: z.uuid(),
  organization_name: z.string(),
  subscription_id: z.uuid(),
  currency: ZCurrency,
  status: ZInvoiceStatus,
  period_start: ZTime,
  period_end: ZTime,
  subtotal: ZMoney,
  discount_total: ZMoney,
  tax_total: ZMoney,
  total: ZMoney,
  amount_paid: ZMoney,
  amount_refunded: ZMoney,
  amount_refundable: ZMoney,
  issued_at: ZTime.nullable(),
  paid_at: ZTime.nullable(),
  created_at: ZTime,
});

export const ZRefund = z.strictObject({
  id: z.uuid(),
  invoice_id: z.uuid(),
  amount: ZMoney,
  currency: ZCurrency,
  reason: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  failure_reason: z.string().nullable(),
  /** Where the money went back (SPEC §12): the payment's provider, or `manual`. */
  provider: z.enum(['manual', 'xendit', 'stripe']),
  /** A manual refund: how the operator returned the money, when they said. */
  method: z.string().nullable(),
  reference: z.string().nullable(),
  /** Set when a refund that had succeeded came back (Stripe: the bank returned it); its status is then `failed`. */
  returned_at: ZTime.nullable(),
  created_by: z.string().nullable(),
  created_at: ZTime,
});

export const ZInvoiceDetail = ZInvoice.extend({
  tax_rate: z.number(),
  coupon_code: z.string().nullable(),
  due_at: ZTime.nullable(),
  /** When and why it was voided (POST /invoices/{id}/void); null unless `status` is `void` (seeded voids have no reason). */
  voided_at: ZTime.nullable(),
  void_reason: z.string().nullable(),
  lines: z.array(
    z.strictObject({
      id: z.uuid(),
      kind: z.enum(['plan_base', 'per_agent', 'overage', 'addon', 'discount', 'tax', 'credit']),
      description: z.string(),
      quantity: z.number().int(),
      unit_amount: ZMoney,
      amount: ZMoney,
    }),
  ),
  payments: z.array(ZPayment),
  refunds: z.array(ZRefund),
  /** One per succeeded refund (SPEC §12), newest first. */
  credit_notes: z.array(ZCreditNote),
});

/** POST /invoices/{id}/void (SPEC §11): why, for the audit log and the invoice page. */
export const ZVoidInvoiceInput = z.strictObject({
  reason: z.string({ error: 'A reason is required.' }).trim().min(1, 'A reason is required.').max(500, 'At most 500 characters.'),
});

export const ZInvoicePage = z.strictObject({ data: z.array(ZInvoice), has_more: z.boolean(), next_cursor: z.uuid().nullable() });

export type TInvoiceListQuery = z.output<typeof ZInvoiceListQuery>;
export type TInvoice = z.infer<typeof ZInvoice>;
export type TInvoiceDetail = z.infer<typeof ZInvoiceDetail>;
export type TRefund = z.infer<typeof ZRefund>;
export type TInvoicePage = z.infer<typeof ZInvoicePage>;
export type TVoidInvoiceInput = z.output<typeof ZVoidInvoiceInput>;
