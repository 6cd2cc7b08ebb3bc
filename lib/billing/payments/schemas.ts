import { z } from 'zod';
import { ZCurrency, ZTimestamp } from '@/lib/billing/shared/schemas';
import { INVOICE_STATUSES } from '@/lib/billing/invoices/invoice-statuses';
import { MAX_AMOUNT } from '@/lib/money';

export const PAYMENT_METHODS = ['bank_transfer', 'virtual_account', 'card', 'ewallet', 'qris', 'other'] as const;
export const PAYMENT_PROVIDERS = ['manual', 'xendit', 'stripe'] as const;
export const ZPaymentMethod = z.enum(PAYMENT_METHODS, { error: `Use one of ${PAYMENT_METHODS.join(', ')}.` });
export const ZPaymentProvider = z.enum(PAYMENT_PROVIDERS);

/** POST /invoices/{id}/payments (SPEC §11). Whether `amount` has too many decimals depends on the invoice's currency (recordPayment checks). */
export const ZRecordPaymentInput = z.strictObject({
  amount: z.number({ error: 'Must be a number.' }).finite('Must be a finite number.').gt(0, 'Must be greater than 0.').max(MAX_AMOUNT.toNumber(), 'Too large.'),
  method: ZPaymentMethod,
  reference: z.string({ error: 'A reference is required (the transfer, VA or receipt number).' }).trim().min(1, 'A reference is required (the transfer, VA or receipt number).').max(200, 'At most 200 characters.'),
  paid_at: ZTimestamp.optional(),
});

export const ZPayment = z.strictObject({
  id: z.uuid(),
  invoice_id: z.uuid(),
  amount: z.number(),
  currency: ZCurrency,
  method: z.string(),
  provider: ZPaymentProvider,
  provider_payment_id: z.string().nullable(),
  reference: z.string().nullable(),
  paid_at: z.iso.datetime(),
  created_at: z.iso.datetime(),
});

export const ZRecordPaymentResult = z.strictObject({
  payment: ZPayment,
  invoice_status: z.enum(INVOICE_STATUSES),
  amount_paid: z.number(),
  amount_due: z.number(),
});

export type TRecordPaymentInput = z.output<typeof ZRecordPaymentInput>;
export type TPayment = z.infer<typeof ZPayment>;
export type TRecordPaymentResult = z.infer<typeof ZRecordPaymentResult>;
