import Link from 'next/link';
import { invoiceFiltersSearch } from '@/components/invoices/invoice-filters';
import { EmptyState } from '@/components/ui/empty-state';
import { getRevenueSeries } from '@/lib/billing/analytics/get-revenue-series';
import type { TAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { currencyLocale, formatMoney } from '@/lib/money';
import { SERIES_COLORS } from './chart-colors';
import { formatRange, lastDay } from './dashboard-range';
import { RevenueChart } from './lazy-charts';
import { hasRevenue, revenuePoints, seriesTotals, type TRevenuePoint } from './revenue-chart-data';

const CHART_HEIGHT = 'h-72';

/** The revenue chart's body: legend with totals, the chart, and its numbers as a table (GET /analytics/revenue). */
export async function RevenueSection({ query }: { query: TAnalyticsQuery }) {
  const series = await getRevenueSeries(query);
  const range = formatRange(series);
  if (!hasRevenue(series)) {
    return (
      <EmptyState
        className={`${CHART_HEIGHT} border-0`}
        title="No paid invoices in this range"
        description={`Nothing was paid or refunded in ${series.currency} in this range (${range}).`}
      />
    );
  }

  const points = revenuePoints(series);
  const totals = seriesTotals(series);
  const money = (amount: { toString(): string }) => formatMoney(amount, series.currency);
  const legend = [
    { label: 'Gross revenue', total: money(totals.gross), color: SERIES_COLORS.gross, swatch: 'size-2.5 rounded-sm' },
    { label: 'Refunds', total: money(totals.refunds), color: SERIES_COLORS.refunds, swatch: 'size-2.5 rounded-sm' },
    { label: 'Net revenue', total: money(totals.net), color: SERIES_COLORS.net, swatch: 'h-0.5 w-3 rounded-full' },
  ];
  const summary =
    `Revenue chart by ${series.interval}, ${range}, ${series.currency}: ` +
    legend.map((entry) => `${entry.label.toLowerCase()} ${entry.total}`).join(', ') +
    '. Exact figures per period are in the table below the chart.';

  return (
    <>
      <ul className="mb-4 flex flex-wrap gap-x-8 gap-y-2">
        {legend.map((entry) => (
          <li key={entry.label}>
            <span className="flex items-center gap-1.5 text-xs font-medium text-zinc-500">
              <span aria-hidden="true" className={entry.swatch} style={{ backgroundColor: entry.color }} />
              {entry.label}
            </span>
            <span className="mt-0.5 block text-base font-semibold text-zinc-900 tabular-nums">{entry.total}</span>
          </li>
        ))}
      </ul>
      <div role="img" aria-label={summary} className={CHART_HEIGHT}>
        <RevenueChart points={points} currency={series.currency} locale={currencyLocale(series.currency)} />
      </div>
      <RevenueTable points={points} />
    </>
  );
}

/** The chart's numbers, each period opening its paid invoices: for exact reading, keyboards and screen readers. */
function RevenueTable({ points }: { points: TRevenuePoint[] }) {
  return (
    <details className="group mt-4 border-t border-zinc-100 pt-3">
      <summary className="cursor-pointer text-sm font-medium text-zinc-600 select-none hover:text-zinc-900">Show the numbers</summary>
      <div className="mt-3 max-h-96 overflow-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Revenue per period</caption>
          <thead className="sticky top-0 bg-white text-xs text-zinc-500">
            <tr className="border-b border-zinc-200">
              <th scope="col" className="py-2 pr-4 text-left font-medium">Period</th>
              <th scope="col" className="py-2 pl-4 text-right font-medium">Gross revenue</th>
              <th scope="col" className="py-2 pl-4 text-right font-medium">Refunds</th>
              <th scope="col" className="py-2 pl-4 text-right font-medium">Net revenue</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {points.map((point) => (
              <tr key={point.start}>
                <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                  <Link
                    href={`/invoices?${invoiceFiltersSearch({ status: 'paid', from: point.start, to: lastDay({ from: point.start, to: point.end }) })}`}
                    className="text-zinc-700 hover:text-brand-700 hover:underline"
                  >
                    {point.title}
                  </Link>
                </th>
                <td className="py-1.5 pl-4 text-right text-zinc-700 tabular-nums">{point.grossText}</td>
                <td className="py-1.5 pl-4 text-right text-zinc-700 tabular-nums">{point.refundsText}</td>
                <td className="py-1.5 pl-4 text-right font-medium text-zinc-900 tabular-nums">{point.netText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
