import { Prisma } from '@/lib/generated/prisma/client';
import type { TCurrency } from '@/lib/money';
import { startOfDay } from './date-range';
import { activeAt, instant } from './mrr-sql';
import { queryAnalytics } from './query-analytics';
import type { TAddonAttach, TAnalyticsQuery } from './schemas';

interface AddonRow {
  active_subscriptions: number;
  /** null on the single row returned when there is no add-on. */
  addon_id: string | null;
  name: string;
  slug: string;
  unit: 'flat' | 'per_agent';
  is_active: boolean;
  attached_subscriptions: number;
  attach_rate: number | null;
}

/**
 * Per add-on (every one, in the add-ons list's order): how many of the currency's subscriptions
 * active at `to` carry it, and that share of all of them (docs/METRICS.md). The rate is null when
 * no subscription is active, rather than a 0 that would claim nobody took it.
 */
export async function getAddonAttach(query: TAnalyticsQuery): Promise<TAddonAttach> {
  const { currency, from, to } = query;

  const rows = await queryAnalytics<AddonRow>(Prisma.sql`
    WITH active AS (
      SELECT id FROM subscriptions WHERE currency = ${currency} AND ${activeAt(instant(startOfDay(to)))}
    ),
    total AS (
      SELECT count(*)::int AS active_subscriptions FROM active
    ),
    attached AS (
      SELECT sa.addon_id, count(*)::int AS attached_subscriptions
        FROM subscription_addons sa
        JOIN active ON active.id = sa.subscription_id
       GROUP BY sa.addon_id
    )
    -- From total outwards, so the denominator comes back even when there is no add-on at all.
    SELECT t.active_subscriptions, a.id AS addon_id, a.name, a.slug, a.unit::text AS unit, a.is_active,
           COALESCE(att.attached_subscriptions, 0) AS attached_subscriptions,
           round(COALESCE(att.attached_subscriptions, 0)::numeric / NULLIF(t.active_subscriptions, 0), 4)::float8 AS attach_rate
      FROM total t
      LEFT JOIN addons a ON true
      LEFT JOIN attached att ON att.addon_id = a.id
     ORDER BY a.sort_order, a.created_at, a.id`);

  return {
    currency: currency as TCurrency,
    from,
    to,
    active_subscriptions: rows[0]!.active_subscriptions,
    addons: rows.filter((row): row is AddonRow & { addon_id: string } => row.addon_id !== null).map(({ active_subscriptions: _total, ...row }) => row),
  };
}
