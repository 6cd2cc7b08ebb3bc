import { z } from 'zod';
import { MAX_AMOUNT } from '@/lib/money';
import { ZInvoiceStatus, ZRefund } from '@/lib/billing/invoices/schemas';
import { ZPaymentMethod } from '@/lib/billing/payments/schemas';

const ZPositiveAmount = z
  .number({ error: 'Must be a number.' })
  .finite('Must be a finite number.')
  .gt(0, 'Must be greater than 0.')
  .max(MAX_AMOUNT.toNumber(), 'Too large.');

/** POST /invoices/{id}/refund. Whether `amount` has too many decimals depends on the invoice's currency (refundInvoice checks). */
export const ZRefundInput = z.strictObject({
  reason: z.string({ error: 'A reason is required.' }).trim().min(1, 'A reason is required.').max(500, 'At most 500 characters.'),
  amount: ZPositiveAmount.optional(),
  // Extension (SPEC §6): the refunded total the caller saw; a different current total is 409 invoice_changed.
  expected_amount_refunded: z.number().finite().min(0).optional(),
  // SPEC §12: how a `manual` refund went back (a provider's refund is described by the provider).
  method: ZPaymentMethod.optional(),
  reference: z.string().trim().min(1, 'Leave it out rather than empty.').max(200, 'At most 200 characters.').optional(),
});

export const ZRefundResult = z.strictObject({
  status: z.enum(['pending', 'succeeded', 'failed']),
  refund_amount: z.number(),
  invoice_status: ZInvoiceStatus,
  refund: ZRefund,
});

export type TRefundInput = z.output<typeof ZRefundInput>;
export type TRefundResult = z.infer<typeof ZRefundResult>;

/** POST /refunds/reconcile: without refund_ids, every refund pending longer than REFUND_PENDING_RECHECK; with them, those now. */
export const ZReconcileInput = z.strictObject({
  refund_ids: z.array(z.uuid({ error: 'Must be a refund id (UUID).' })).min(1).max(100, 'At most 100 at once.').optional(),
});

export const ZReconcileResult = z.strictObject({
  checked: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  still_pending: z.number().int(),
  errors: z.array(z.strictObject({ refund_id: z.uuid(), message: z.string() })),
});
