import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { Decimal, formatMoney } from '@/lib/money';

/** The invoice's own copy of every price (issued invoices are never rewritten, SPEC §4). */
export function InvoiceLinesCard({ invoice }: { invoice: TInvoiceDetail }) {
  const money = (value: number) => formatMoney(value, invoice.currency);
  const taxPercent = new Decimal(String(invoice.tax_rate)).times(100).toFixed();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Lines</CardTitle>
      </CardHeader>
      <div className="p-4">
        <Table aria-label="Invoice lines">
          <THead>
            <tr>
              <TH>Description</TH>
              <TH numeric>Quantity</TH>
              <TH numeric>Unit amount</TH>
              <TH numeric>Amount</TH>
            </tr>
          </THead>
          <TBody>
            {invoice.lines.map((line) => (
              <TR key={line.id}>
                <TD className={clsx(line.kind === 'discount' && 'text-emerald-700', line.kind === 'tax' && 'text-zinc-500')}>{line.description}</TD>
                <TD numeric>{line.quantity.toLocaleString('id-ID')}</TD>
                <TD numeric>{money(line.unit_amount)}</TD>
                <TD numeric className={clsx('text-zinc-900', line.kind === 'discount' && 'text-emerald-700')}>
                  {money(line.amount)}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
        <dl className="mt-4 ml-auto max-w-xs space-y-1.5 text-sm">
          <SummaryRow label="Subtotal">{money(invoice.subtotal)}</SummaryRow>
          <SummaryRow label={invoice.coupon_code ? `Discount (${invoice.coupon_code})` : 'Discount'}>{money(-invoice.discount_total)}</SummaryRow>
          <SummaryRow label={`Tax (${taxPercent}%)`}>{money(invoice.tax_total)}</SummaryRow>
          <SummaryRow label="Total" strong>
            {money(invoice.total)}
          </SummaryRow>
        </dl>
      </div>
    </Card>
  );
}

export function SummaryRow({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) {
  return (
    <div className={clsx('flex justify-between gap-6', strong && 'border-t border-zinc-200 pt-2 text-base font-semibold text-zinc-900')}>
      <dt className={strong ? undefined : 'text-zinc-500'}>{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}
