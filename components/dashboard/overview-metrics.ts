import type { TOverviewPeriod } from '@/lib/billing/analytics/schemas';
import type { TGoodDirection, TMetricKind } from './metric-change';

/** The overview's figures: every field of a period but its dates. */
export type TFigureKey = Exclude<keyof TOverviewPeriod, 'from' | 'to'>;

export interface TMetricSpec {
  key: TFigureKey;
  label: string;
  kind: TMetricKind;
  good: TGoodDirection;
  /** A snapshot at the range's end (compared with the one at its start), or a flow over the range. */
  snapshot: boolean;
  /** One line from docs/METRICS.md, shown on hover and focus. */
  definition: string;
  /** The console page listing what is behind the figure, where there is one (there is no subscriptions page). */
  opens?: 'paid-invoices' | 'coupons';
}

/** The overview tiles, in reading order: recurring revenue, cash, subscriptions. */
export const OVERVIEW_METRICS: readonly TMetricSpec[] = [
  {
    key: 'mrr',
    label: 'MRR',
    kind: 'money',
    good: 'up',
    snapshot: true,
    definition:
      'Monthly recurring revenue of the subscriptions active at the end of the range: monthly charges plus annual ones ÷ 12, after discounts that keep applying. No tax, overage or one-time discounts.',
  },
  {
    key: 'arr',
    label: 'ARR',
    kind: 'money',
    good: 'up',
    snapshot: true,
    definition: 'Annual recurring revenue: MRR × 12, so an annual subscription counts at its annual charge.',
  },
  {
    key: 'active_subscriptions',
    label: 'Active subscriptions',
    kind: 'count',
    good: 'up',
    snapshot: true,
    definition: 'Subscriptions active at the end of the range, past-due ones included.',
  },
  {
    key: 'arpa',
    label: 'ARPA',
    kind: 'money',
    good: 'up',
    snapshot: true,
    definition: 'Average revenue per account: MRR ÷ organizations with an active subscription.',
  },
  {
    key: 'gross_revenue',
    label: 'Gross revenue',
    kind: 'money',
    good: 'up',
    snapshot: false,
    definition: 'Cash collected on invoices paid in the range, tax included. Refunded invoices still count when they were paid.',
    opens: 'paid-invoices',
  },
  {
    key: 'refunds',
    label: 'Refunds',
    kind: 'money',
    good: 'down',
    snapshot: false,
    definition: 'Succeeded refunds made in the range, by the date of the refund, whenever the invoice was paid.',
  },
  {
    key: 'net_revenue',
    label: 'Net revenue',
    kind: 'money',
    good: 'up',
    snapshot: false,
    definition: 'Gross revenue minus refunds. Negative in a period with more refunds than payments.',
    opens: 'paid-invoices',
  },
  {
    key: 'discounts',
    label: 'Discounts',
    kind: 'money',
    good: 'neither',
    snapshot: false,
    definition: 'What coupons took off the invoices paid in the range.',
    opens: 'paid-invoices',
  },
  {
    key: 'new_subscriptions',
    label: 'New subscriptions',
    kind: 'count',
    good: 'up',
    snapshot: false,
    definition: 'Subscriptions that started in the range.',
  },
  {
    key: 'churned_subscriptions',
    label: 'Churned subscriptions',
    kind: 'count',
    good: 'down',
    snapshot: false,
    definition: 'Subscriptions cancelled in the range.',
  },
  {
    key: 'churn_rate',
    label: 'Churn rate',
    kind: 'rate',
    good: 'down',
    snapshot: false,
    definition: 'Churned subscriptions ÷ subscriptions active at the start of the range. Its change is in percentage points.',
  },
  {
    key: 'coupon_redemptions',
    label: 'Coupon redemptions',
    kind: 'count',
    good: 'neither',
    snapshot: false,
    definition: 'Coupons used on invoices issued in the range, paid or not.',
    opens: 'coupons',
  },
];
