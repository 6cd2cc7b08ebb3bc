import { z } from 'zod';
import { ZCurrency } from '@/lib/billing/shared/schemas';

/** A credit note (SPEC §12): what a succeeded refund credits back, split into tax base (DPP) and PPN. */
export const ZCreditNote = z.strictObject({
  id: z.uuid(),
  /** CN-YYYYMM-NNNN: gap-free per month of issue (UTC). */
  number: z.string().meta({ description: 'CN-YYYYMM-NNNN, gap-free per month of issue (UTC).' }),
  invoice_id: z.uuid(),
  invoice_number: z.string(),
  refund_id: z.uuid().meta({ description: 'The succeeded refund it documents: one credit note per refund.' }),
  currency: ZCurrency,
  amount: z.number().meta({ description: 'The refunded amount: tax_base + tax_amount exactly.' }),
  tax_base: z.number().meta({ description: "Tax base (DPP) credited: amount − tax_amount." }),
  tax_amount: z.number().meta({ description: "PPN credited: amount × the invoice's tax_total / total, rounded half-up to the currency's minor unit." }),
  issued_at: z.iso.datetime().meta({ description: 'When the refund succeeded.' }),
  voided_at: z.iso.datetime().nullable().meta({ description: 'Set when the refund came back after it had succeeded (Stripe: returned by the bank); the note then credits nothing.' }),
});

export type TCreditNote = z.infer<typeof ZCreditNote>;
