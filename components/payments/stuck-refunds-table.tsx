import Link from 'next/link';
import { pendingAge } from '@/components/invoices/pending-age';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import { providerName } from '@/lib/billing/providers/provider-name';
import type { TStuckRefund } from '@/lib/billing/refunds/list-stuck-refunds';
import { formatMoney } from '@/lib/money-format';
import { formatDateTime } from '@/components/invoices/invoice-dates';
import { RecheckRefundButton } from './recheck-refund-button';

/** Refunds pending past REFUND_PENDING_RECHECK, oldest first, each with its age and "Recheck now". */
export function StuckRefundsTable({ refunds }: { refunds: TStuckRefund[] }) {
  return (
    <Table aria-label="Stuck refunds">
      <THead>
        <tr>
          <TH>Invoice</TH>
          <TH>Customer</TH>
          <TH>Provider</TH>
          <TH numeric>Amount</TH>
          <TH>Pending since</TH>
          <TH>Last asked</TH>
          <TH numeric>Action</TH>
        </tr>
      </THead>
      <TBody>
        {refunds.map((refund) => (
          <TR key={refund.id}>
            <TD className="whitespace-nowrap">
              <Link href={`/invoices/${refund.invoiceId}`} className="font-mono text-xs hover:underline">
                {refund.invoiceNumber}
              </Link>
            </TD>
            <TD className="min-w-32 break-words">{refund.organizationName}</TD>
            <TD>{providerName(refund.provider)}</TD>
            <TD numeric>{formatMoney(refund.amount.toString(), refund.currency)}</TD>
            <TD className="whitespace-nowrap">
              {formatDateTime(refund.createdAt.toISOString())}
              <p className="text-xs font-medium text-amber-800">{pendingAge(refund.ageMs)}</p>
            </TD>
            <TD className="whitespace-nowrap text-zinc-600">{refund.checkedAt ? formatDateTime(refund.checkedAt.toISOString()) : 'never'}</TD>
            <TD numeric>
              <RecheckRefundButton refundId={refund.id} label={`${refund.invoiceNumber}, ${formatMoney(refund.amount.toString(), refund.currency)}`} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
