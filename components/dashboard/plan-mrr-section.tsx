import { EmptyState } from '@/components/ui/empty-state';
import { getPlanBreakdown } from '@/lib/billing/analytics/get-plan-breakdown';
import type { TAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { currencyLocale } from '@/lib/money';
import { lastDay } from './dashboard-range';
import { PlanMrrChart } from './lazy-charts';
import { PLAN_ROW_PX, planPoints } from './plan-mrr-data';

const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** MRR and subscribers per plan at the end of the range (GET /analytics/plans). */
export async function PlanMrrSection({ query }: { query: TAnalyticsQuery }) {
  const breakdown = await getPlanBreakdown(query);
  const points = planPoints(breakdown);
  const end = LONG_DAY.format(new Date(`${lastDay(breakdown)}T00:00:00Z`));
  if (points.length === 0) {
    return <EmptyState className="border-0" title="No subscriptions in this range" description={`No ${breakdown.currency} plan had subscribers or revenue by the end of ${end}.`} />;
  }

  const summary = `MRR by plan at the end of ${end}: ${points.map((point) => `${point.name} ${point.mrrText}, ${point.subscriptionsText}`).join('; ')}.`;
  return (
    <div role="img" aria-label={summary} style={{ height: points.length * PLAN_ROW_PX + 8 }}>
      <PlanMrrChart points={points} currency={breakdown.currency} locale={currencyLocale(breakdown.currency)} />
    </div>
  );
}
