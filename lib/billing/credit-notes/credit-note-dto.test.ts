import { describe, expect, it } from 'vitest';
import type { CreditNote } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { creditNoteToDto } from './credit-note-dto';

const dec = (value: string) => new Decimal(value) as unknown as CreditNote['amount'];

const note = (over: Partial<CreditNote> = {}) => ({
  id: 'cn1', number: 'CN-202603-0002', refundId: 'r1', invoiceId: 'i1', currency: 'IDR',
  amount: dec('200000.5'), taxBase: dec('180180.5'), taxAmount: dec('19820'),
  issuedAt: new Date('2026-03-03T00:00:00.000Z'), voidedAt: null, invoice: { number: 'INV-202603-0001' }, ...over,
});

describe('creditNoteToDto', () => {
  it('shows a credit note with the API field names, its number and the number of the invoice it corrects', () => {
    expect(creditNoteToDto(note())).toMatchObject({ id: 'cn1', number: 'CN-202603-0002', invoice_id: 'i1', invoice_number: 'INV-202603-0001', refund_id: 'r1', currency: 'IDR' });
  });

  it('shows the amount, tax base (DPP) and PPN as JSON numbers', () => {
    expect(creditNoteToDto(note())).toMatchObject({ amount: 200000.5, tax_base: 180180.5, tax_amount: 19820 });
  });

  it('shows when it was issued as an ISO instant, and voided_at null while it stands', () => {
    expect(creditNoteToDto(note())).toMatchObject({ issued_at: '2026-03-03T00:00:00.000Z', voided_at: null });
  });

  it('a voided note (its refund came back) shows when it was voided as an ISO instant', () => {
    expect(creditNoteToDto(note({ voidedAt: new Date('2026-03-04T05:06:07.000Z') })).voided_at).toBe('2026-03-04T05:06:07.000Z');
  });

  it('carries exactly the API fields, nothing of the row besides', () => {
    expect(Object.keys(creditNoteToDto(note())).sort()).toEqual(
      ['amount', 'currency', 'id', 'invoice_id', 'invoice_number', 'issued_at', 'number', 'refund_id', 'tax_amount', 'tax_base', 'voided_at'],
    );
  });
});
