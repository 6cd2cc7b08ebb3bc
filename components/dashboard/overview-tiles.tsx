import type { ComponentProps } from 'react';
import { invoiceFiltersSearch } from '@/components/invoices/invoice-filters';
import { Skeleton } from '@/components/ui/skeleton';
import { getOverview } from '@/lib/billing/analytics/get-overview';
import type { TAnalyticsQuery, TOverviewPeriod } from '@/lib/billing/analytics/schemas';
import { formatDayCount, formatRange, lastDay } from './dashboard-range';
import { MetricTile } from './metric-tile';
import { formatFigure, periodChange } from './metric-change';
import { OVERVIEW_METRICS, type TMetricSpec } from './overview-metrics';

/** Columns by the width the tiles get (container queries), so an amount like Rp 1.307.490.000 always fits. */
const GRID = 'grid grid-cols-1 gap-4 @md:grid-cols-2 @3xl:grid-cols-3 @4xl:grid-cols-4';
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** The twelve tiles for the range, each against the period of equal length before it (GET /analytics/overview). */
export async function OverviewTiles({ query }: { query: TAnalyticsQuery }) {
  const { currency, current, previous } = await getOverview(query);
  const paidInvoices = `/invoices?${invoiceFiltersSearch({ status: 'paid', from: current.from, to: lastDay(current) })}`;

  return (
    <TileGrid>
      {OVERVIEW_METRICS.map((metric) => {
        const [now, before] = [current[metric.key], previous[metric.key]];
        const previousValue = formatFigure(before, metric.kind, currency);
        return (
          <MetricTile
            key={metric.key}
            label={metric.label}
            value={formatFigure(now, metric.kind, currency)}
            change={periodChange(now, before, metric.kind, metric.good)}
            comparison={metric.snapshot ? `since ${SHORT_DAY.format(day(current.from))}` : `vs previous ${formatDayCount(current)}`}
            href={metric.opens === 'paid-invoices' ? paidInvoices : metric.opens === 'coupons' ? '/coupons' : undefined}
            hrefLabel={metric.opens === 'coupons' ? 'open the coupons' : 'open the paid invoices issued in this range'}
            about={<MetricAbout metric={metric} previous={previous} previousValue={previousValue} />}
          />
        );
      })}
    </TileGrid>
  );
}

function TileGrid({ children, ...props }: ComponentProps<'div'>) {
  return (
    <div className="@container">
      <div className={GRID} {...props}>
        {children}
      </div>
    </div>
  );
}

function MetricAbout({ metric, previous, previousValue }: { metric: TMetricSpec; previous: TOverviewPeriod; previousValue: string }) {
  const then = metric.snapshot ? `At the start of the range (${LONG_DAY.format(day(previous.to))})` : `Previous period (${formatRange(previous)})`;
  return (
    <>
      <span className="block">{metric.definition}</span>
      <span className="block text-zinc-300">
        {then}: <span className="font-medium text-white tabular-nums">{previousValue}</span>
      </span>
      {metric.opens === 'paid-invoices' ? (
        <span className="block text-zinc-500">
          The amount opens the paid invoices issued in this range. The invoice list filters by issue date, not payment date.
        </span>
      ) : null}
    </>
  );
}

export function OverviewTilesSkeleton() {
  return (
    <TileGrid role="status" aria-label="Loading figures">
      {OVERVIEW_METRICS.map((metric) => (
        <div key={metric.key} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
          <p className="text-sm font-medium text-zinc-500">{metric.label}</p>
          <Skeleton className="mt-2.5 h-7 w-32" />
          <Skeleton className="mt-3 h-4 w-36" />
        </div>
      ))}
    </TileGrid>
  );
}
