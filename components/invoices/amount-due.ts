import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { decimalFromJsonNumber, moneyToJson } from '@/lib/money';

/** What an invoice still wants: its total less what was paid, in decimal arithmetic (never below 0). */
export function amountDueOf(invoice: Pick<TInvoiceDetail, 'total' | 'amount_paid'>): number {
  const due = decimalFromJsonNumber(invoice.total).minus(decimalFromJsonNumber(invoice.amount_paid));
  return due.gt(0) ? moneyToJson(due) : 0;
}
