import { ZRecordPaymentInput } from '@/lib/billing/payments/schemas';
import { currencyDecimals, decimalFromJsonNumber, formatMoney } from '@/lib/money';

/** The API's ZRecordPaymentInput plus what the API checks against the invoice (decimals, amount ≤ due), judged here against the figures the dialog shows. */
export function paymentFormSchema(currency: string, due: number) {
  return ZRecordPaymentInput.superRefine((input, ctx) => {
    const amount = decimalFromJsonNumber(input.amount);
    const decimals = currencyDecimals(currency);
    if (amount.decimalPlaces() > decimals) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: decimals === 0 ? `${currency} amounts are whole numbers.` : `${currency} amounts have at most ${decimals} decimals.` });
    } else if (amount.gt(decimalFromJsonNumber(due))) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `At most ${formatMoney(due, currency)} is due.` });
    }
  });
}
