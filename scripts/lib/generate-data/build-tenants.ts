import { CURRENCY_DECIMALS } from '../../../lib/money';
import { LAUNCH_COUPON_CODE } from './ensure-catalog';

/**
 * Temp tables describing the tenants before any row is written: the run's parameters, the catalog
 * as numbers, one subscription per organization, and its add-ons. Every choice is a gen_rnd() of
 * the row number and a salt of its own (salts below 100), so each is independent of the others.
 *
 * The shape (assumed, for a messaging SaaS in Indonesia): 90% of tenants pay in rupiah, 6% in
 * USD, 4% in SGD; 22% pay annually; cheaper plans are more common; 45% signed up before the
 * generated months (up to 3 years before), the rest during them; 13% cancel in the window; ~30%
 * of rupiah tenants take an add-on (10% two); 18% of new tenants sign up with a coupon (a third of
 * those ask for the capped launch offer) and 4% of older ones hold a `forever` coupon.
 */
const TENANT_CURRENCIES: Array<[currency: 'IDR' | 'USD' | 'SGD', cumulativeShare: number]> = [['IDR', 0.9], ['USD', 0.96], ['SGD', 1]];

const currencyCase = TENANT_CURRENCIES.map(([currency, upTo]) => `WHEN pg_temp.gen_rnd(i, salt + 1) < ${upTo} THEN '${currency}'`).join(' ');
const decimalsValues = TENANT_CURRENCIES.map(([currency]) => `('${currency}', ${CURRENCY_DECIMALS[currency]})`).join(', ');

export const CREATE_PARAMS_SQL = `
CREATE TEMP TABLE gen_params (
  organizations int NOT NULL, months int NOT NULL, now timestamptz NOT NULL, window_start timestamptz NOT NULL,
  salt int NOT NULL, tax_rate numeric NOT NULL, tax_description text NOT NULL, refund_actor uuid
) ON COMMIT DROP`;

/** $1 organizations, $2 months, $3 now, $4 seed, $5 tax rate. The window starts on the 1st, `months - 1` months before now's. */
export const INSERT_PARAMS_SQL = `
INSERT INTO gen_params
SELECT $1::int, $2::int, $3::timestamptz, date_trunc('month', $3::timestamptz) - make_interval(months => $2::int - 1),
       $4::int * 1000, $5::numeric, 'Tax (' || trim_scale($5::numeric * 100) || '%)',
       (SELECT id FROM users WHERE role = 'super_admin' ORDER BY created_at LIMIT 1)`;

export const BUILD_TENANTS_SQL = `
CREATE TEMP TABLE gen_currencies (currency text PRIMARY KEY, decimals int NOT NULL) ON COMMIT DROP;
INSERT INTO gen_currencies VALUES ${decimalsValues};

CREATE TEMP TABLE gen_plans ON COMMIT DROP AS
SELECT p.id, p.name, p.currency, c.decimals, p.base_price_monthly, p.base_price_annual, p.per_agent_price, p.overage_message_price,
       (p.limits ->> 'max_agents')::int AS max_agents, (p.limits ->> 'max_messages_month')::int AS max_messages,
       row_number() OVER (PARTITION BY p.currency ORDER BY p.base_price_monthly, p.sort_order, p.id)::int AS n,
       count(*) OVER (PARTITION BY p.currency)::int AS plan_count
  FROM plans p JOIN gen_currencies c USING (currency)
 WHERE p.is_active;

CREATE TEMP TABLE gen_addons ON COMMIT DROP AS
SELECT id, name, currency, unit::text AS unit, price_monthly, price_annual,
       row_number() OVER (PARTITION BY currency ORDER BY sort_order, created_at, id)::int AS n,
       count(*) OVER (PARTITION BY currency)::int AS addon_count
  FROM addons WHERE is_active;

CREATE TEMP TABLE gen_coupons ON COMMIT DROP AS
SELECT id, code, discount_type::text AS discount_type, discount_value, currency, duration::text AS duration,
       duration_in_cycles, max_uses, current_uses, valid_from, valid_until, applicable_plans,
       row_number() OVER (ORDER BY code)::int AS n,
       'Coupon ' || code || CASE WHEN discount_type = 'percentage' THEN ' (' || trim_scale(discount_value) || '% off)' ELSE ' (fixed discount)' END
         AS line_description
  FROM coupons WHERE is_active;

CREATE TEMP TABLE gen_subs ON COMMIT DROP AS
WITH drawn AS (
  SELECT i, CASE ${currencyCase} END AS currency,
         CASE WHEN pg_temp.gen_rnd(i, salt + 3) < 0.45 THEN -1 - floor(pg_temp.gen_rnd(i, salt + 4) * 36)::int
              ELSE floor(pg_temp.gen_rnd(i, salt + 4) * months)::int END AS start_k,
         CASE WHEN pg_temp.gen_rnd(i, salt + 5) < 0.22 THEN 'annual' ELSE 'monthly' END AS billing_cycle,
         0.3 + 0.95 * pg_temp.gen_rnd(i, salt + 7) AS usage_factor,
         pg_temp.gen_rnd(i, salt + 8) < 0.13 AS cancels
    FROM gen_params, generate_series(1, organizations) AS i
),
placed AS (
  SELECT d.*, pl.id AS plan_id, pl.name AS plan_name, pl.decimals, pl.base_price_monthly, pl.base_price_annual,
         pl.per_agent_price, pl.overage_message_price, pl.max_agents, pl.max_messages,
         CASE WHEN pl.max_agents IS NULL THEN 1 + floor(pg_temp.gen_rnd(i, p.salt + 6) * 40)::int
              ELSE 1 + floor(pg_temp.gen_rnd(i, p.salt + 6) * ceil(pl.max_agents * 1.35))::int END AS agent_count,
         p.window_start + make_interval(months => d.start_k) AS started_at,
         CASE WHEN d.cancels THEN GREATEST(d.start_k, 0) + floor(pg_temp.gen_rnd(i, p.salt + 9) * (p.months - GREATEST(d.start_k, 0)))::int END AS planned_cancel_k,
         (d.start_k >= 0 AND pg_temp.gen_rnd(i, p.salt + 10) < 0.18) OR (d.start_k < 0 AND pg_temp.gen_rnd(i, p.salt + 10) < 0.04) AS wants_coupon
    FROM drawn d
    CROSS JOIN gen_params p
    JOIN gen_plans pl ON pl.currency = d.currency AND pl.n = 1 + floor(pl.plan_count * power(pg_temp.gen_rnd(d.i, p.salt + 2), 1.5))::int
)
SELECT s.*,
       pg_temp.gen_id(1, s.i) AS organization_id, pg_temp.gen_id(2, s.i) AS subscription_id,
       CASE WHEN cancelled.at > s.started_at THEN cancelled.at END AS cancelled_at,
       CASE WHEN cancelled.at > s.started_at THEN s.planned_cancel_k END AS cancel_k,
       coupon.id AS coupon_id,
       -- The invoice lines' wording (computeInvoice's), once per tenant rather than once per line.
       s.plan_name || ' (' || s.billing_cycle || ')' AS base_description,
       'Additional agents beyond ' || s.max_agents || ' included' || CASE WHEN s.billing_cycle = 'annual' THEN ' (12 months)' ELSE '' END
         AS agents_description,
       'Messages beyond ' || s.max_messages || ' included' AS overage_description
  FROM placed s
 CROSS JOIN gen_params p
 CROSS JOIN LATERAL (
   -- Some day of the cancellation month, and never in the future.
   SELECT CASE WHEN s.planned_cancel_k IS NOT NULL
               THEN LEAST(p.window_start + make_interval(months => s.planned_cancel_k) + interval '2 hours'
                            + pg_temp.gen_rnd(s.i, p.salt + 11) * interval '27 days',
                          p.now - interval '1 hour') END AS at
 ) cancelled
  LEFT JOIN LATERAL (
   -- Only coupons the tenant could actually redeem: its currency (fixed ones), its plan.
   SELECT c.id FROM gen_coupons c
    WHERE s.wants_coupon
      AND (c.discount_type = 'percentage' OR c.currency = s.currency)
      AND (cardinality(c.applicable_plans) = 0 OR s.plan_id = ANY (c.applicable_plans))
      AND (s.start_k >= 0 OR c.duration = 'forever')
    ORDER BY (c.code = '${LAUNCH_COUPON_CODE}' AND pg_temp.gen_rnd(s.i, p.salt + 12) < 0.34) DESC,
             pg_temp.gen_rnd(s.i * 1024 + c.n, p.salt + 13)
    LIMIT 1
 ) coupon ON true;

-- One or two add-ons in the subscription's currency; per-agent ones charge every agent (computeInvoice rule 4).
CREATE TEMP TABLE gen_sub_addons ON COMMIT DROP AS
SELECT s.i, s.subscription_id, s.started_at, a.id AS addon_id, a.name, a.unit, j AS ordinal, q.quantity,
       q.quantity * CASE WHEN a.unit = 'per_agent' THEN s.agent_count ELSE 1 END AS line_quantity,
       CASE WHEN s.billing_cycle = 'annual' THEN a.price_annual ELSE a.price_monthly END AS unit_amount,
       round(CASE WHEN s.billing_cycle = 'annual' THEN a.price_annual ELSE a.price_monthly END
             * q.quantity * CASE WHEN a.unit = 'per_agent' THEN s.agent_count ELSE 1 END, s.decimals) AS amount
  FROM gen_subs s
 CROSS JOIN gen_params p
 CROSS JOIN generate_series(1, 2) AS j
  JOIN gen_addons a ON a.currency = s.currency
                   AND a.n = 1 + (floor(pg_temp.gen_rnd(s.i, p.salt + 20) * a.addon_count)::int + j - 1) % a.addon_count
 CROSS JOIN LATERAL (
   SELECT CASE WHEN a.unit = 'flat' AND pg_temp.gen_rnd(s.i * 4 + j, p.salt + 22) < 0.2 THEN 2 ELSE 1 END AS quantity
 ) q
 WHERE (j = 1 AND pg_temp.gen_rnd(s.i, p.salt + 21) < 0.30)
    OR (j = 2 AND pg_temp.gen_rnd(s.i, p.salt + 21) < 0.10 AND a.addon_count > 1);

CREATE TEMP TABLE gen_sub_addon_totals ON COMMIT DROP AS
SELECT i, count(*)::int AS addon_count, sum(amount) AS amount FROM gen_sub_addons GROUP BY i;
CREATE UNIQUE INDEX ON gen_sub_addon_totals (i);
CREATE INDEX ON gen_sub_addons (i);
CREATE UNIQUE INDEX ON gen_subs (i);
ANALYZE gen_subs, gen_sub_addons, gen_sub_addon_totals, gen_coupons, gen_plans;
`;
