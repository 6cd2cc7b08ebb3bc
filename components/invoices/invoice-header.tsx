import type { ReactNode } from 'react';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { formatMoney } from '@/lib/money-format';
import { formatDate, formatDateTime, formatPeriod } from './invoice-dates';
import { invoicePdfUrl } from './invoice-requests';
import { InvoiceStatusBadge } from './invoice-status-badge';
import { amountDueOf } from './amount-due';
import { RecordPaymentButton } from './record-payment-button';
import { RefundButton } from './refund-button';
import { refundFiguresOf, refundProviderOf } from './refund-parts';
import { VoidInvoiceButton } from './void-invoice-button';

export function InvoiceHeader({ invoice }: { invoice: TInvoiceDetail }) {
  const money = (value: number) => formatMoney(value, invoice.currency);
  const amountDue = amountDueOf(invoice);
  return (
    <header className="mb-6 space-y-5">
      <Link href="/invoices" className="text-sm text-zinc-500 hover:text-zinc-900">
        ← Invoices
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="font-mono text-2xl font-semibold tracking-tight text-zinc-900">{invoice.number}</h1>
            <InvoiceStatusBadge status={invoice.status} />
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            <Link href={`/invoices?organization_id=${invoice.organization_id}`} className="hover:text-zinc-900 hover:underline">
              {invoice.organization_name}
            </Link>
            {' · '}
            <Link href={`/customers/${invoice.organization_id}`} className="hover:text-zinc-900 hover:underline">
              Customer page
            </Link>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/invoices/${invoice.id}/print`} className={LINK_BUTTON}>
            Print
          </Link>
          <a href={invoicePdfUrl(invoice.id)} download className={LINK_BUTTON}>
            Download PDF
          </a>
          {/* Only an open invoice can be voided (SPEC §11); a paid one is undone by a refund. */}
          {invoice.status === 'open' ? <VoidInvoiceButton invoice={{ id: invoice.id, number: invoice.number }} /> : null}
          {/* An open invoice takes payments until they cover its total (SPEC §11). */}
          {invoice.status === 'open' && amountDue > 0 ? (
            <RecordPaymentButton invoice={{ id: invoice.id, number: invoice.number, currency: invoice.currency, amount_due: amountDue }} />
          ) : null}
          {/* Only what can still be refunded offers a refund; after the last one the button goes. */}
          {invoice.amount_refundable > 0 ? (
            <RefundButton invoice={{ id: invoice.id, number: invoice.number, currency: invoice.currency, provider: refundProviderOf(invoice), ...refundFiguresOf(invoice) }} />
          ) : null}
        </div>
      </div>
      {invoice.status === 'void' ? (
        <p role="status" className="rounded-lg border border-zinc-300 bg-zinc-100 px-4 py-3 text-sm text-zinc-800">
          <strong className="font-semibold">Void</strong>
          {invoice.voided_at ? ` since ${formatDateTime(invoice.voided_at)}` : null}
          {invoice.void_reason ? `: ${invoice.void_reason}` : '.'} Nothing is payable on this invoice.
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border border-zinc-200 bg-white px-5 py-4 text-sm shadow-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Period">{formatPeriod(invoice.period_start, invoice.period_end)}</Fact>
        <Fact label="Issued">{formatDate(invoice.issued_at)}</Fact>
        <Fact label="Paid">{formatDate(invoice.paid_at)}</Fact>
        <Fact label="Amount paid" numeric>
          {money(invoice.amount_paid)}
        </Fact>
        <Fact label="Refunded" numeric>
          {money(invoice.amount_refunded)}
        </Fact>
        <Fact label="Refundable" numeric>
          {money(invoice.amount_refundable)}
        </Fact>
      </dl>
    </header>
  );
}

// Links that look like the secondary buttons beside them.
const LINK_BUTTON = buttonClasses({ variant: 'secondary' });

function Fact({ label, numeric, children }: { label: string; numeric?: boolean; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={numeric ? 'font-medium text-zinc-900 tabular-nums' : 'text-zinc-900'}>{children}</dd>
    </div>
  );
}
