import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import type { TInvoiceDetail, TRefund } from '@/lib/billing/invoices/schemas';
import { formatMoney } from '@/lib/money-format';
import { formatDateTime } from './invoice-dates';

/** The figures a refund is judged against, as the dialog showed them (the stale-page guard sends `amount_refunded`). */
export type TRefundFigures = {
  amount_paid: number;
  amount_refunded: number;
  amount_refundable: number;
  last_refund: Pick<TRefund, 'amount' | 'status' | 'created_by' | 'created_at'> | null;
};

/** Where a refund of this invoice goes: its largest provider payment, as the API decides (reserve-refund.ts); none: manual. */
export function refundProviderOf(invoice: Pick<TInvoiceDetail, 'payments'>): 'manual' | 'xendit' | 'stripe' {
  const remote = invoice.payments.filter((payment) => payment.provider !== 'manual').sort((a, b) => b.amount - a.amount);
  return remote[0]?.provider ?? 'manual';
}

// Not in refund-dialog.tsx: server components call it, and a 'use client' module's exports are client-only.
/** The figures of an invoice detail, newest refund first as the API lists them. */
export function refundFiguresOf(invoice: Pick<TInvoiceDetail, 'amount_paid' | 'amount_refunded' | 'amount_refundable' | 'refunds'>): TRefundFigures {
  const { amount_paid, amount_refunded, amount_refundable } = invoice;
  return { amount_paid, amount_refunded, amount_refundable, last_refund: invoice.refunds[0] ?? null };
}

export function RefundFigures({ figures, currency }: { figures: TRefundFigures; currency: string }) {
  const last = figures.last_refund;
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm">
      <dl className="grid grid-cols-3 gap-3">
        <Figure label="Paid">{formatMoney(figures.amount_paid, currency)}</Figure>
        <Figure label="Refunded">{formatMoney(figures.amount_refunded, currency)}</Figure>
        <Figure label="Refundable" strong>
          {formatMoney(figures.amount_refundable, currency)}
        </Figure>
      </dl>
      <p className="mt-3 border-t border-zinc-200 pt-2 text-xs text-zinc-600">
        {last ? (
          <>
            Last refund: {formatMoney(last.amount, currency)}
            {last.status === 'succeeded' ? '' : ` (${last.status})`} by {last.created_by ?? 'the system'} on {formatDateTime(last.created_at)}
          </>
        ) : (
          'No refunds yet.'
        )}
      </p>
    </div>
  );
}

function Figure({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={clsx('tabular-nums', strong ? 'font-semibold text-zinc-900' : 'text-zinc-700')}>{children}</dd>
    </div>
  );
}

export function InlineAlert({ tone = 'error', children }: { tone?: 'error' | 'warning'; children: ReactNode }) {
  return (
    <div
      role="alert"
      className={clsx(
        'rounded-md border px-3 py-2 text-sm',
        tone === 'error' ? 'border-red-200 bg-red-50 text-red-700' : 'border-amber-200 bg-amber-50 text-amber-900',
      )}
    >
      {children}
    </div>
  );
}
