'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Skeleton } from '@/components/ui/skeleton';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import type { TInvoice } from '@/lib/billing/invoices/schemas';
import { formatMoney } from '@/lib/money-format';
import { formatDate, formatPeriod } from './invoice-dates';
import { InvoiceStatusBadge } from './invoice-status-badge';

const COLUMNS = ['Number', 'Organization', 'Period', 'Issued', 'Status'] as const;
const AMOUNT_COLUMNS = ['Total', 'Paid', 'Refunded'] as const;

export function invoiceHref(id: string) {
  return `/invoices/${id}`;
}

/** The invoice rows; `loading` shows skeleton rows instead (hidden from screen readers, which get `busy`). */
export function InvoicesTable({ invoices, loading = false, busy = false }: { invoices: TInvoice[]; loading?: boolean; busy?: boolean }) {
  const router = useRouter();
  return (
    <Table aria-label="Invoices" aria-busy={loading || busy} className={busy ? 'opacity-60 transition-opacity' : undefined}>
      <THead>
        <tr>
          {COLUMNS.map((column) => (
            <TH key={column}>{column}</TH>
          ))}
          {AMOUNT_COLUMNS.map((column) => (
            <TH key={column} numeric>
              {column}
            </TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {loading
          ? Array.from({ length: 8 }, (_, i) => <SkeletonRow key={i} />)
          : invoices.map((invoice) => (
              // The number is the link (keyboard and screen readers); the whole row is a mouse target.
              <TR key={invoice.id} className="cursor-pointer" onClick={() => router.push(invoiceHref(invoice.id))}>
                <TD className="font-medium whitespace-nowrap">
                  <Link
                    href={invoiceHref(invoice.id)}
                    onClick={(event) => event.stopPropagation()}
                    className="text-brand-700 tabular-nums hover:underline"
                  >
                    {invoice.number}
                  </Link>
                </TD>
                {/* 112 px (the full name in its title): at 1280 px the invoice numbers (INV-YYYYMM-NNNNNN), a
                    Refunded badge and three 8-digit amounts must fit beside it without the table scrolling sideways. */}
                <TD className="max-w-28 truncate" title={invoice.organization_name}>
                  {invoice.organization_name}
                </TD>
                <TD className="min-w-24">{formatPeriod(invoice.period_start, invoice.period_end)}</TD>
                <TD>{formatDate(invoice.issued_at)}</TD>
                <TD>
                  <InvoiceStatusBadge status={invoice.status} />
                </TD>
                <TD numeric className="font-medium text-zinc-900">
                  {formatMoney(invoice.total, invoice.currency)}
                </TD>
                <TD numeric>{formatMoney(invoice.amount_paid, invoice.currency)}</TD>
                <TD numeric className={invoice.amount_refunded > 0 ? 'text-violet-700' : 'text-zinc-500'}>
                  {formatMoney(invoice.amount_refunded, invoice.currency)}
                </TD>
              </TR>
            ))}
      </TBody>
    </Table>
  );
}

function SkeletonRow() {
  return (
    <tr aria-hidden="true">
      {[28, 40, 32, 20, 16, 20, 20, 20].map((width, i) => (
        <td key={i} className="px-4 py-3.5">
          <Skeleton className={i >= 5 ? 'ml-auto h-4' : 'h-4'} style={{ width: `${width * 4}px`, maxWidth: '100%' }} />
        </td>
      ))}
    </tr>
  );
}
