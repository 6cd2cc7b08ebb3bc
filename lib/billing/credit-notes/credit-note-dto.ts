import type { CreditNote } from '@/lib/generated/prisma/client';
import { moneyToJson } from '@/lib/money';
import type { TCreditNote } from './schemas';

export function creditNoteToDto(note: CreditNote & { invoice: { number: string } }): TCreditNote {
  return {
    id: note.id,
    number: note.number,
    invoice_id: note.invoiceId,
    invoice_number: note.invoice.number,
    refund_id: note.refundId,
    currency: note.currency as TCreditNote['currency'],
    amount: moneyToJson(note.amount),
    tax_base: moneyToJson(note.taxBase),
    tax_amount: moneyToJson(note.taxAmount),
    issued_at: note.issuedAt.toISOString(),
    voided_at: note.voidedAt ? note.voidedAt.toISOString() : null,
  };
}
