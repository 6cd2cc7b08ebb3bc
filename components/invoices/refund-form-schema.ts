import { ZRefundInput } from '@/lib/billing/refunds/schemas';
import { currencyDecimals, decimalFromJsonNumber, formatMoney } from '@/lib/money';

/**
 * The refund form's resolver: the API's own ZRefundInput, plus the two checks the API can only make
 * once it has loaded the invoice (currency decimals, amount ≤ refundable), made here against the
 * figures the dialog shows so the operator hears about them before the confirmation step. The API
 * still checks both, against the invoice as it is when the refund runs.
 */
export function refundFormSchema(currency: string, refundable: number) {
  return ZRefundInput.superRefine((input, ctx) => {
    if (input.amount === undefined) return;
    const amount = decimalFromJsonNumber(input.amount);
    const decimals = currencyDecimals(currency);
    if (amount.decimalPlaces() > decimals) {
      const message = decimals === 0 ? `${currency} amounts are whole numbers.` : `${currency} amounts have at most ${decimals} decimals.`;
      ctx.addIssue({ code: 'custom', path: ['amount'], message });
    } else if (amount.gt(decimalFromJsonNumber(refundable))) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `At most ${formatMoney(refundable, currency)} can be refunded.` });
    }
  });
}
