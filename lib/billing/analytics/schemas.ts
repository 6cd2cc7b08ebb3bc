import { now } from '@/lib/clock';
import { z } from 'zod';
import { ZCurrency } from '@/lib/billing/shared/schemas';
import { DEFAULT_CURRENCY } from '@/lib/money';
import { DEFAULT_RANGE_DAYS, MAX_RANGE_YEARS, addYears, resolveRange } from './date-range';

/** Definitions of every figure: docs/METRICS.md. */

const DATE_MESSAGE = 'Use a calendar date as YYYY-MM-DD, e.g. 2026-03-01.';
/** A real calendar date (2026-02-30 is refused), from the Unix epoch on. */
const ZDate = z.iso.date({ error: DATE_MESSAGE, abort: true }).refine((date) => date >= '1970-01-01', 'Dates start at 1970-01-01.');

export const ANALYTICS_INTERVALS = ['day', 'week', 'month'] as const;
export const ZAnalyticsInterval = z.enum(ANALYTICS_INTERVALS, { error: `Use one of ${ANALYTICS_INTERVALS.join(', ')}.` });

/**
 * The query every analytics endpoint takes. [from, to) is half-open in UTC. Without `to`, tomorrow
 * (today is counted); without `from`, 30 days before `to`. `interval` shapes only /revenue; the
 * other endpoints accept it so the dashboard can send one query string to all of them.
 */
export const ZAnalyticsQuery = z
  .strictObject({
    from: ZDate.optional().meta({ description: `First day counted (inclusive), \`YYYY-MM-DD\`, from 00:00 UTC. Default: ${DEFAULT_RANGE_DAYS} days before \`to\`.`, example: '2026-11-01' }),
    to: ZDate.optional().meta({
      description: `First day NOT counted (exclusive: the range is [from, to)), \`YYYY-MM-DD\` at 00:00 UTC; must be after \`from\`, at most ${MAX_RANGE_YEARS} years later. Default: tomorrow (UTC), so today is counted.`,
      example: '2026-12-01',
    }),
    currency: ZCurrency.default(DEFAULT_CURRENCY).meta({ description: `The currency every figure is in: invoices, refunds and subscriptions in other currencies are left out, never converted. Default: ${DEFAULT_CURRENCY}.` }),
    interval: ZAnalyticsInterval.default('day').meta({ description: 'Bucket size of the /revenue series (days, ISO weeks from Monday, or calendar months, in UTC); the other endpoints accept and ignore it. Default: day.' }),
  })
  .transform((query, ctx) => {
    const range = resolveRange(query, now());
    // Issues go on the parameter the caller sent, so a form can show them beside the right field.
    const blame = query.to !== undefined ? 'to' : 'from';
    if (range.from >= range.to) {
      ctx.addIssue({ code: 'custom', path: [blame], message: '`to` must be after `from` (the range is [from, to)).' });
    } else if (range.to > addYears(range.from, MAX_RANGE_YEARS)) {
      ctx.addIssue({ code: 'custom', path: [blame], message: `A range covers at most ${MAX_RANGE_YEARS} years.` });
    }
    return { ...query, ...range };
  });

const ZDay = z.iso.date();
const ZMoney = z.number();
const ZCount = z.number().int().min(0);
/** A fraction with 4 decimals (0.1667 = 16.67%); null when its denominator is 0. */
const ZRate = z.number().min(0).nullable();

/** The tiles of one period. Snapshot figures are taken at the instant `to` (00:00 UTC). */
export const ZOverviewPeriod = z.strictObject({
  from: ZDay,
  to: ZDay,
  mrr: ZMoney,
  arr: ZMoney,
  active_subscriptions: ZCount,
  active_organizations: ZCount,
  /** Active at `from`: the denominator of churn_rate. */
  active_subscriptions_at_start: ZCount,
  new_subscriptions: ZCount,
  churned_subscriptions: ZCount,
  churn_rate: ZRate,
  arpa: ZMoney.nullable(),
  gross_revenue: ZMoney,
  refunds: ZMoney,
  net_revenue: ZMoney,
  discounts: ZMoney,
  coupon_redemptions: ZCount,
});

/** `previous` is the period of the same length just before `current`, for period-over-period change. */
export const ZOverview = z.strictObject({
  currency: ZCurrency,
  current: ZOverviewPeriod,
  previous: ZOverviewPeriod,
});

/** Buckets are calendar days, ISO weeks (Monday) or months in UTC, clipped to [from, to); empty ones are zeros. */
export const ZRevenueBucket = z.strictObject({
  start: ZDay,
  end: ZDay,
  gross_revenue: ZMoney,
  refunds: ZMoney,
  net_revenue: ZMoney,
  discounts: ZMoney,
});

export const ZRevenueSeries = z.strictObject({
  currency: ZCurrency,
  interval: ZAnalyticsInterval,
  from: ZDay,
  to: ZDay,
  buckets: z.array(ZRevenueBucket),
});

export const ZPlanBreakdownRow = z.strictObject({
  plan_id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  is_active: z.boolean(),
  /** At `to`. */
  active_subscriptions: ZCount,
  /** At `to`. */
  mrr: ZMoney,
  /** Paid in [from, to). */
  gross_revenue: ZMoney,
});

export const ZPlanBreakdown = z.strictObject({
  currency: ZCurrency,
  from: ZDay,
  to: ZDay,
  plans: z.array(ZPlanBreakdownRow),
});

export const ZCouponBreakdownRow = z.strictObject({
  coupon_id: z.uuid(),
  code: z.string(),
  discount_type: z.enum(['percentage', 'fixed']),
  discount_value: z.number(),
  duration: z.enum(['once', 'repeating', 'forever']),
  /** Redemptions in [from, to) in this currency. */
  redemptions: ZCount,
  /** The discounts those redemptions granted, paid or not. */
  redeemed_amount: ZMoney,
  /** discount_total of this coupon's invoices paid in [from, to): these rows add up to the overview's `discounts`. */
  paid_discounts: ZMoney,
});

export const ZCouponBreakdown = z.strictObject({
  currency: ZCurrency,
  from: ZDay,
  to: ZDay,
  coupons: z.array(ZCouponBreakdownRow),
});

export const ZAddonAttachRow = z.strictObject({
  addon_id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  unit: z.enum(['flat', 'per_agent']),
  is_active: z.boolean(),
  /** Subscriptions active at `to` that carry the add-on. */
  attached_subscriptions: ZCount,
  attach_rate: ZRate,
});

export const ZAddonAttach = z.strictObject({
  currency: ZCurrency,
  from: ZDay,
  to: ZDay,
  /** Subscriptions active at `to`: the denominator of every attach_rate. */
  active_subscriptions: ZCount,
  addons: z.array(ZAddonAttachRow),
});

export type TAnalyticsQuery = z.output<typeof ZAnalyticsQuery>;
export type TAnalyticsInterval = z.infer<typeof ZAnalyticsInterval>;
export type TOverviewPeriod = z.infer<typeof ZOverviewPeriod>;
export type TOverview = z.infer<typeof ZOverview>;
export type TRevenueSeries = z.infer<typeof ZRevenueSeries>;
export type TPlanBreakdown = z.infer<typeof ZPlanBreakdown>;
export type TCouponBreakdown = z.infer<typeof ZCouponBreakdown>;
export type TAddonAttach = z.infer<typeof ZAddonAttach>;
