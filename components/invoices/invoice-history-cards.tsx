import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import type { TInvoiceDetail, TRefund } from '@/lib/billing/invoices/schemas';
import { providerName } from '@/lib/billing/providers/provider-name';
import { now } from '@/lib/clock';
import { formatMoney } from '@/lib/money-format';
import { CreditNotesTable } from './credit-notes-table';
import { formatDateTime } from './invoice-dates';
import { pendingAge } from './pending-age';
import { paymentMethodLabel } from './payment-labels';

export function PaymentsCard({ invoice }: { invoice: TInvoiceDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Payments</CardTitle>
      </CardHeader>
      <div className="p-4">
        {invoice.payments.length === 0 ? (
          <p className="text-sm text-zinc-500">No payments received.</p>
        ) : (
          <Table aria-label="Payments">
            <THead>
              <tr>
                <TH>Paid at</TH>
                <TH>Method</TH>
                <TH>Reference</TH>
                <TH>Provider</TH>
                <TH numeric>Amount</TH>
              </tr>
            </THead>
            <TBody>
              {invoice.payments.map((payment) => (
                <TR key={payment.id}>
                  <TD className="whitespace-nowrap">{formatDateTime(payment.paid_at)}</TD>
                  <TD>{paymentMethodLabel(payment.method)}</TD>
                  <TD className="font-mono text-xs break-all">{payment.reference ?? payment.provider_payment_id ?? '—'}</TD>
                  <TD>{providerName(payment.provider)}</TD>
                  <TD numeric>{formatMoney(payment.amount, invoice.currency)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </Card>
  );
}

const REFUND_TONES: Record<TRefund['status'], BadgeTone> = { succeeded: 'success', pending: 'warning', failed: 'danger' };
const REFUND_LABELS: Record<TRefund['status'], string> = { succeeded: 'Succeeded', pending: 'Pending', failed: 'Failed' };

export function RefundHistoryCard({ invoice }: { invoice: TInvoiceDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Refund history</CardTitle>
        <CardDescription>Newest first. A failed refund returned nothing and changed no total.</CardDescription>
      </CardHeader>
      <div className="p-4">
        {invoice.refunds.length === 0 ? (
          <p className="text-sm text-zinc-500">No refunds yet.</p>
        ) : (
          <Table aria-label="Refund history">
            <THead>
              <tr>
                <TH>When</TH>
                <TH numeric>Amount</TH>
                <TH>Reason</TH>
                <TH>Status</TH>
                <TH>By</TH>
              </tr>
            </THead>
            <TBody>
              {invoice.refunds.map((refund) => (
                <TR key={refund.id}>
                  <TD className="whitespace-nowrap">{formatDateTime(refund.created_at)}</TD>
                  <TD numeric className="text-zinc-900">
                    {formatMoney(refund.amount, refund.currency)}
                  </TD>
                  <TD className="min-w-48 break-words">{refund.reason}</TD>
                  <TD>
                    <Badge tone={REFUND_TONES[refund.status]} title={refund.failure_reason ?? undefined}>
                      {refund.returned_at ? 'Returned' : REFUND_LABELS[refund.status]}
                    </Badge>
                    {refund.status === 'pending' ? <p className="mt-1 text-xs text-zinc-500">{pendingAge(now().getTime() - Date.parse(refund.created_at))}</p> : null}
                    <p className="mt-1 text-xs text-zinc-500">
                      {providerName(refund.provider)}
                      {refund.method ? ` · ${paymentMethodLabel(refund.method)}` : ''}
                      {refund.reference ? ` · ${refund.reference}` : ''}
                    </p>
                    {refund.failure_reason ? <p className="mt-1 text-xs text-red-600">{refund.failure_reason}</p> : null}
                  </TD>
                  <TD className="whitespace-nowrap">{refund.created_by ?? 'System'}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </Card>
  );
}

export function CreditNotesCard({ invoice }: { invoice: TInvoiceDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Credit notes</CardTitle>
        <CardDescription>One per succeeded refund, its amount split into tax base and PPN in this invoice&apos;s proportions.</CardDescription>
      </CardHeader>
      <div className="p-4">
        {invoice.credit_notes.length === 0 ? (
          <p className="text-sm text-zinc-500">No credit notes: nothing has been refunded yet.</p>
        ) : (
          <CreditNotesTable notes={invoice.credit_notes} label="Credit notes" />
        )}
      </div>
    </Card>
  );
}
