import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { amountDueOf } from '@/components/invoices/amount-due';
import { formatDate } from '@/components/invoices/invoice-dates';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { formatMoney } from '@/lib/money-format';

/** Enough to act on today; the invoices page filters them all. */
export const OPEN_INVOICES_SHOWN = 6;

/**
 * The latest invoices still waiting for payment, every currency, each linked to its invoice and to
 * its customer (where an operator goes to chase, change or cancel). Not bound to the dashboard's range:
 * what is open is open now.
 */
export async function OpenInvoicesSection() {
  const { data } = await listInvoices({ status: 'open', limit: OPEN_INVOICES_SHOWN });
  if (data.length === 0) return <EmptyState className="border-0" title="Nothing waiting for payment" description="Every issued invoice is paid, refunded or void." />;
  return (
    <div className="-mx-5 overflow-x-auto px-5 sm:overflow-visible">
      <table className="w-full text-sm">
        <caption className="sr-only">Latest open invoices</caption>
        <thead className="text-xs text-zinc-500">
          <tr className="border-b border-zinc-200">
            <th scope="col" className="py-2 pr-3 text-left font-medium">Customer</th>
            <th scope="col" className="py-2 px-3 text-left font-medium">Invoice</th>
            <th scope="col" className="py-2 px-3 text-left font-medium">Issued</th>
            <th scope="col" className="py-2 pl-3 text-right font-medium">Due</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {data.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row" className="py-2.5 pr-3 text-left font-normal">
                <Link href={`/customers/${invoice.organization_id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                  {invoice.organization_name}
                </Link>
              </th>
              <td className="py-2.5 px-3">
                <Link href={`/invoices/${invoice.id}`} className="font-mono text-[0.8125rem] text-zinc-700 hover:text-brand-700 hover:underline">
                  {invoice.number}
                </Link>
              </td>
              <td className="py-2.5 px-3 text-zinc-600 tabular-nums">{formatDate(invoice.issued_at)}</td>
              <td className="py-2.5 pl-3 text-right font-medium text-zinc-900 tabular-nums">{formatMoney(amountDueOf(invoice), invoice.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
