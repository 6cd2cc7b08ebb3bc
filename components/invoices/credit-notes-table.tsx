import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import type { TCreditNote } from '@/lib/billing/credit-notes/schemas';
import { formatMoney } from '@/lib/money-format';
import { formatDateTime } from './invoice-dates';
import { creditNotePdfUrl } from './invoice-requests';

/**
 * Credit notes (SPEC §12): number, when, the invoice it corrects (on the customer page), tax base
 * and PPN credited, the total, and the printable page and PDF of each. Server-rendered.
 */
export function CreditNotesTable({ notes, showInvoice = false, label }: { notes: TCreditNote[]; showInvoice?: boolean; label: string }) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <TH>Number</TH>
          <TH>Issued</TH>
          {showInvoice ? <TH>Invoice</TH> : null}
          <TH numeric>Tax base (DPP)</TH>
          <TH numeric>PPN</TH>
          <TH numeric>Total</TH>
          <TH>Document</TH>
        </tr>
      </THead>
      <TBody>
        {notes.map((note) => (
          <TR key={note.id}>
            <TD className="whitespace-nowrap font-mono text-xs">
              {note.number}
              {note.voided_at ? (
                <Badge tone="neutral" className="ml-2" title="The refund came back after it had succeeded: this note credits nothing.">
                  Void
                </Badge>
              ) : null}
            </TD>
            <TD className="whitespace-nowrap">{formatDateTime(note.issued_at)}</TD>
            {showInvoice ? (
              <TD className="whitespace-nowrap">
                <Link href={`/invoices/${note.invoice_id}`} className="font-mono text-xs hover:underline">
                  {note.invoice_number}
                </Link>
              </TD>
            ) : null}
            <TD numeric>{formatMoney(note.tax_base, note.currency)}</TD>
            <TD numeric>{formatMoney(note.tax_amount, note.currency)}</TD>
            <TD numeric className="text-zinc-900">
              {formatMoney(note.amount, note.currency)}
            </TD>
            <TD className="whitespace-nowrap">
              <Link href={`/invoices/${note.invoice_id}/credit-notes/${note.id}/print`} className="text-brand-700 hover:underline" aria-label={`Print ${note.number}`}>
                Print
              </Link>
              {' · '}
              <a href={creditNotePdfUrl(note.invoice_id, note.id)} download className="text-brand-700 hover:underline" aria-label={`Download ${note.number} as PDF`}>
                PDF
              </a>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
