/**
 * An organization's current subscription: the live one (at most one is not cancelled), else the
 * latest by (created_at, id). organizations.current_subscription_id holds it, and current_plan_id,
 * current_status and current_coupon_id its plan, status and coupon, kept by triggers on
 * subscriptions (migration 20261203232020_organization_current_subscription), which use this
 * very order; GET /organizations lists and filters by them.
 */
export const CURRENT_SUBSCRIPTION_ORDER = `(s.status <> 'cancelled') DESC, s.created_at DESC, s.id DESC`;

/** Counts the organizations whose four current_* columns are not their current subscription's: 0 when the triggers did their job. */
export const COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL = `
  SELECT count(*) FROM organizations o
    LEFT JOIN LATERAL (SELECT s.id, s.plan_id, s.status, s.coupon_id FROM subscriptions s
                        WHERE s.organization_id = o.id ORDER BY ${CURRENT_SUBSCRIPTION_ORDER} LIMIT 1) c ON true
   WHERE (o.current_subscription_id, o.current_plan_id, o.current_status, o.current_coupon_id)
         IS DISTINCT FROM (c.id, c.plan_id, c.status, c.coupon_id)`;
