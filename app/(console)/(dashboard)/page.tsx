import type { Metadata } from 'next';
import { Suspense } from 'react';
import { now } from '@/lib/clock';
import { AddonAttachSection } from '@/components/dashboard/addon-attach-section';
import { BlockSkeleton, DashboardCard, RowsSkeleton } from '@/components/dashboard/dashboard-card';
import { dashboardHref, readDashboardParams, type TDashboardParams } from '@/components/dashboard/dashboard-params';
import { formatDayCount, formatRange, matchPreset, presetRange, RANGE_PRESETS } from '@/components/dashboard/dashboard-range';
import { InvalidQueryAlert } from '@/components/dashboard/invalid-query-alert';
import { OpenInvoicesSection } from '@/components/dashboard/open-invoices-section';
import { OverviewTiles, OverviewTilesSkeleton } from '@/components/dashboard/overview-tiles';
import { ParamSelect } from '@/components/dashboard/param-select';
import { parseDashboardQuery } from '@/components/dashboard/parse-dashboard-query';
import { PlanMrrSection } from '@/components/dashboard/plan-mrr-section';
import { RangeFilters } from '@/components/dashboard/range-filters';
import { RevenueSection } from '@/components/dashboard/revenue-section';
import { TopCouponsSection } from '@/components/dashboard/top-coupons-section';
import { recordParams } from '@/components/ui/url-filters';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import type { TDateRange } from '@/lib/billing/analytics/date-range';
import { CURRENCIES, DEFAULT_CURRENCY } from '@/lib/money';

export const metadata: Metadata = { title: 'Dashboard' };

const CURRENCY_OPTIONS = CURRENCIES.map((code) => ({ value: code, label: code }));
const INTERVAL_OPTIONS = [
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
  { value: 'month', label: 'Monthly' },
] as const;

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Analytics for a range and currency from the URL (docs/METRICS.md). The same operations and query
 * schema as GET /analytics/…; each section fetches on its own, in parallel, and streams in behind
 * its skeleton, so the tiles do not wait for the chart.
 */
export default async function DashboardPage({ searchParams }: PageProps) {
  await requireSuperAdminPage();
  const params = readDashboardParams(recordParams(await searchParams));
  const parsed = parseDashboardQuery(params);
  const range: TDateRange | null = parsed.ok ? { from: parsed.query.from, to: parsed.query.to } : null;
  const currency = parsed.ok ? parsed.query.currency : (params.currency ?? DEFAULT_CURRENCY);

  const filters = <RangeFilters params={params} range={range} presets={presetLinks(params, range, now())} />;
  const currencySelect = (
    <ParamSelect params={params} name="currency" label="Currency" value={currency} options={CURRENCY_OPTIONS} showLabel className="w-44" />
  );
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Dashboard" description="Recurring revenue, cash and subscriptions per currency." actions={currencySelect} />
        {filters}
        <InvalidQueryAlert message={parsed.message} errors={parsed.errors} />
      </>
    );
  }

  const { query } = parsed;
  const loadingKey = dashboardHref(query);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${formatRange(query)} in ${query.currency}, compared with the previous ${formatDayCount(query)}.`}
        actions={currencySelect}
      />
      {filters}

      <section aria-labelledby="key-figures">
        <h2 id="key-figures" className="sr-only">
          Key figures
        </h2>
        <Suspense key={loadingKey} fallback={<OverviewTilesSkeleton />}>
          <OverviewTiles query={query} />
        </Suspense>
      </section>

      <DashboardCard
        id="revenue-title"
        className="mt-6"
        title="Revenue"
        description="Payments by the day they were paid, refunds by the day they were made."
        action={<ParamSelect params={params} name="interval" label="Chart interval" value={query.interval} options={INTERVAL_OPTIONS} className="w-32 shrink-0" />}
        loadingKey={loadingKey}
        fallback={<BlockSkeleton label="Loading revenue" className="h-[22rem]" />}
      >
        <RevenueSection query={query} />
      </DashboardCard>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <DashboardCard
          id="plans-title"
          title="MRR by plan"
          description="Subscriptions and their MRR at the end of the range."
          loadingKey={loadingKey}
          fallback={<RowsSkeleton label="Loading plans" rows={4} />}
          more={{ href: '/plans', label: 'Plans' }}
        >
          <PlanMrrSection query={query} />
        </DashboardCard>
        <DashboardCard
          id="addons-title"
          title="Add-on attach rate"
          description="Share of subscriptions active at the end of the range that carry each add-on."
          loadingKey={loadingKey}
          fallback={<RowsSkeleton label="Loading add-ons" rows={5} />}
          more={{ href: '/addons', label: 'Add-ons' }}
        >
          <AddonAttachSection query={query} />
        </DashboardCard>
      </div>

      <DashboardCard
        id="coupons-title"
        className="mt-6"
        title="Top coupons"
        description="Most redeemed in the range, with the discounts they gave."
        loadingKey={loadingKey}
        fallback={<RowsSkeleton label="Loading coupons" rows={4} />}
        more={{ href: '/coupons', label: 'All coupons' }}
      >
        <TopCouponsSection query={query} />
      </DashboardCard>

      <DashboardCard
        id="open-invoices-title"
        className="mt-6"
        title="Waiting for payment"
        description="The latest open invoices in every currency, with what each still wants."
        loadingKey="open-invoices"
        fallback={<RowsSkeleton label="Loading open invoices" rows={4} />}
        more={{ href: '/invoices?status=open', label: 'All open invoices' }}
      >
        <OpenInvoicesSection />
      </DashboardCard>
    </>
  );
}

/** The presets as links from today (UTC, as the API counts days), keeping the currency; the shown range's is marked. */
function presetLinks(params: TDashboardParams, range: TDateRange | null, today: Date) {
  const current = range ? matchPreset(range, today) : null;
  return RANGE_PRESETS.map((preset) => ({
    ...preset,
    href: dashboardHref({ ...presetRange(preset.id, today), currency: params.currency }),
    active: preset.id === current,
  }));
}
