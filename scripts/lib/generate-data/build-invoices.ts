/**
 * Temp tables with every invoice of the generated months, priced and settled, before any is
 * written. Pricing follows computeInvoice (lib/billing/invoices/compute-invoice.ts) rule by rule:
 * each line rounded to the currency, discount and tax from the rounded subtotal, total = the sum of
 * the lines. Billing is on the 1st: monthly subscriptions every month from their start (or the
 * window's) to their cancellation month, annual ones in their anniversary months.
 *
 * Invoice ids count (month, tenant), so rows inserted in id order are in time order, as a real
 * table fills. Numbers are GEN-YYYYMM-<tenant>: a tenant has at most one invoice a month.
 *
 * Outcomes (assumed rates): this month's invoices are 10% drafts, the rest paid once the payment
 * time (0–12 days after issue) has come, else open; older ones are 2% void, 6% still open in the
 * two months before this one (overdue), the rest paid; of those paid before this month, 2% were
 * refunded in part (20–60%, rounded down to 1,000 rupiah or 1 unit) and 1% in full, 2–20 days
 * after payment. 15% of refunds had a failed gateway attempt before the one that succeeded.
 */
// Every CTE ends in OFFSET 0: a fence that keeps PostgreSQL from inlining it, which would copy
// each computed expression into every place that reads it (and compute it that many times).
export const BUILD_INVOICES_SQL = `
CREATE TEMP TABLE gen_inv_base ON COMMIT DROP AS
WITH periods AS (
  SELECT s.i, s.subscription_id, s.organization_id, s.currency, s.decimals, s.plan_id, s.plan_name, s.billing_cycle,
         s.base_price_monthly, s.base_price_annual, s.per_agent_price, s.overage_message_price, s.max_agents, s.max_messages,
         s.agent_count, s.usage_factor, s.coupon_id, s.start_k, k,
         (k - s.start_k) / CASE WHEN s.billing_cycle = 'annual' THEN 12 ELSE 1 END AS cycle_index,
         k::bigint * 4294967296 + s.i AS inv_n
    FROM gen_subs s
   CROSS JOIN gen_params p
   CROSS JOIN LATERAL generate_series(
           CASE WHEN s.billing_cycle = 'monthly' THEN GREATEST(s.start_k, 0)
                ELSE s.start_k + 12 * ((GREATEST(-s.start_k, 0) + 11) / 12) END,
           COALESCE(s.cancel_k, p.months - 1),
           CASE WHEN s.billing_cycle = 'monthly' THEN 1 ELSE 12 END) AS k
  OFFSET 0
),
timed AS (
  SELECT pr.*, p.window_start + make_interval(months => pr.k) AS period_start,
         p.window_start + make_interval(months => pr.k + CASE WHEN pr.billing_cycle = 'annual' THEN 12 ELSE 1 END) AS period_end,
         p.window_start + make_interval(months => pr.k, hours => 1 + floor(pg_temp.gen_rnd(pr.inv_n, p.salt + 30) * 6)::int,
                                        mins => floor(pg_temp.gen_rnd(pr.inv_n, p.salt + 31) * 60)::int) AS issue_time,
         pr.k = p.months - 1 AS this_month,
         CASE WHEN pr.billing_cycle = 'annual' THEN 12 ELSE 1 END AS months_billed
    FROM periods pr CROSS JOIN gen_params p
  OFFSET 0
)
SELECT t.*,
       t.issue_time > p.now OR (t.this_month AND pg_temp.gen_rnd(t.inv_n, p.salt + 32) < 0.10) AS is_draft,
       round(CASE WHEN t.billing_cycle = 'annual' THEN t.base_price_annual ELSE t.base_price_monthly END, t.decimals) AS base_amount,
       CASE WHEN t.max_agents IS NULL THEN 0 ELSE GREATEST(0, t.agent_count - t.max_agents) END AS extra_agents,
       t.per_agent_price * t.months_billed AS per_agent_unit,
       CASE WHEN t.billing_cycle = 'annual' OR t.max_messages IS NULL THEN 0
            ELSE GREATEST(0, round(t.max_messages * t.usage_factor * (0.85 + 0.3 * pg_temp.gen_rnd(t.inv_n, p.salt + 33)))::int - t.max_messages)
       END AS extra_messages,
       COALESCE(at.amount, 0) AS addons_amount, COALESCE(at.addon_count, 0) AS addon_count
  FROM timed t
 CROSS JOIN gen_params p
  LEFT JOIN gen_sub_addon_totals at ON at.i = t.i;

-- A capped coupon's uses (SPEC §10: one per organization it is applied to) go to the organizations
-- whose first invoice comes first; the invoices of those past max_uses get no discount.
CREATE TEMP TABLE gen_coupon_refused ON COMMIT DROP AS
SELECT b.inv_n
  FROM gen_inv_base b
  JOIN (SELECT f.coupon_id, f.organization_id, c.max_uses - c.current_uses AS uses_left,
               row_number() OVER (PARTITION BY c.id ORDER BY f.first_issue, f.organization_id) AS use_number
          FROM (SELECT coupon_id, organization_id, min(issue_time) AS first_issue FROM gen_inv_base WHERE coupon_id IS NOT NULL GROUP BY 1, 2) f
          JOIN gen_coupons c ON c.id = f.coupon_id
         WHERE c.max_uses IS NOT NULL) ranked
    ON ranked.coupon_id = b.coupon_id AND ranked.organization_id = b.organization_id
 WHERE ranked.use_number > ranked.uses_left;
CREATE UNIQUE INDEX ON gen_coupon_refused (inv_n);

CREATE TEMP TABLE gen_inv ON COMMIT DROP AS
WITH charged AS (
  SELECT b.*,
         round(b.per_agent_unit * b.extra_agents, b.decimals) AS per_agent_amount,
         round(b.overage_message_price * b.extra_messages, b.decimals) AS overage_amount
    FROM gen_inv_base b
  OFFSET 0
),
subtotaled AS (
  SELECT ch.*, ch.base_amount + ch.per_agent_amount + ch.overage_amount + ch.addons_amount AS subtotal,
         -- couponApplies at the moment of issue (or the period start for a draft), and the coupon's duration.
         CASE WHEN c.id IS NOT NULL
               AND (c.duration = 'forever' OR (c.duration = 'once' AND ch.cycle_index = 0)
                    OR (c.duration = 'repeating' AND ch.cycle_index < c.duration_in_cycles))
               AND c.valid_from <= CASE WHEN ch.is_draft THEN ch.period_start ELSE ch.issue_time END
               AND (c.valid_until IS NULL OR c.valid_until >= CASE WHEN ch.is_draft THEN ch.period_start ELSE ch.issue_time END)
               AND refused.inv_n IS NULL
              THEN c.id END AS applied_coupon_id,
         c.discount_type, c.discount_value
    FROM charged ch
    LEFT JOIN gen_coupons c ON c.id = ch.coupon_id
    LEFT JOIN gen_coupon_refused refused ON refused.inv_n = ch.inv_n
  OFFSET 0
),
discounted AS (
  SELECT st.*,
         CASE WHEN st.applied_coupon_id IS NULL THEN 0
              WHEN st.discount_type = 'percentage' THEN LEAST(round(st.subtotal * st.discount_value / 100, st.decimals), st.subtotal)
              ELSE LEAST(round(st.discount_value, st.decimals), st.subtotal) END AS discount_total
    FROM subtotaled st
  OFFSET 0
),
totaled AS (
  SELECT d.*, round((d.subtotal - d.discount_total) * p.tax_rate, d.decimals) AS tax_total, p.tax_rate
    FROM discounted d CROSS JOIN gen_params p
  OFFSET 0
),
settled AS (
  SELECT tt.*, tt.subtotal - tt.discount_total + tt.tax_total AS total,
         tt.issue_time + make_interval(days => floor(pg_temp.gen_rnd(tt.inv_n, p.salt + 34) * 13)::int,
                                       hours => 1 + floor(pg_temp.gen_rnd(tt.inv_n, p.salt + 35) * 20)::int) AS pay_time,
         pg_temp.gen_rnd(tt.inv_n, p.salt + 36) AS status_roll,
         pg_temp.gen_rnd(tt.inv_n, p.salt + 37) AS refund_roll
    FROM totaled tt CROSS JOIN gen_params p
  OFFSET 0
),
refund_timed AS (
  SELECT se.*,
         LEAST(se.pay_time + make_interval(days => 2 + floor(pg_temp.gen_rnd(se.inv_n, p.salt + 38) * 18)::int,
                                           hours => 1 + floor(pg_temp.gen_rnd(se.inv_n, p.salt + 39) * 8)::int),
               p.now - interval '1 hour') AS refund_time,
         CASE WHEN se.is_draft THEN 'draft'
              WHEN NOT se.this_month AND se.status_roll < 0.02 THEN 'void'
              WHEN se.k >= p.months - 3 AND NOT se.this_month AND se.status_roll < 0.06 THEN 'open'
              WHEN se.pay_time > p.now THEN 'open'
              ELSE 'paid' END AS settlement
    FROM settled se CROSS JOIN gen_params p
  OFFSET 0
)
SELECT rt.*,
       pg_temp.gen_id(3, rt.inv_n) AS id,
       'GEN-' || to_char(rt.period_start, 'YYYYMM') || '-' || lpad(rt.i::text, 7, '0') AS number,
       refund.status, NULLIF(refund.amount, 0) IS NOT NULL AS refunded,
       COALESCE(refund.amount, 0) AS amount_refunded,
       CASE WHEN rt.settlement = 'paid' THEN rt.total ELSE 0 END AS amount_paid,
       CASE WHEN rt.is_draft THEN NULL ELSE rt.issue_time END AS issued_at,
       CASE WHEN rt.is_draft THEN LEAST(rt.period_start + interval '1 hour', p.now) ELSE rt.issue_time END AS created_at,
       CASE WHEN rt.is_draft THEN NULL ELSE rt.issue_time + interval '14 days' END AS due_at,
       CASE WHEN rt.settlement = 'paid' THEN rt.pay_time END AS paid_at,
       CASE WHEN rt.settlement = 'void'
            THEN LEAST(rt.issue_time + make_interval(days => 2 + floor(pg_temp.gen_rnd(rt.inv_n, p.salt + 40) * 8)::int), p.now - interval '1 hour')
       END AS voided_at,
       pg_temp.gen_rnd(rt.inv_n, p.salt + 41) < 0.15 AS refund_failed_first,
       floor(pg_temp.gen_rnd(rt.inv_n, p.salt + 42) * 5)::int AS payment_method,
       floor(pg_temp.gen_rnd(rt.inv_n, p.salt + 43) * 5)::int AS refund_reason
  FROM refund_timed rt
 CROSS JOIN gen_params p
 CROSS JOIN LATERAL (
   -- Refunds only of invoices paid before this month, with time for one before now and a total worth refunding.
   SELECT CASE WHEN eligible AND rt.refund_roll < 0.02 THEN 'partially_refunded'
               WHEN eligible AND rt.refund_roll < 0.03 THEN 'refunded'
               ELSE rt.settlement END::"InvoiceStatus" AS status,
          CASE WHEN eligible AND rt.refund_roll < 0.02
                 THEN CASE WHEN rt.decimals = 0
                           THEN floor(rt.total * (0.2 + 0.4 * pg_temp.gen_rnd(rt.inv_n, p.salt + 44)) / 1000) * 1000
                           ELSE floor(rt.total * (0.2 + 0.4 * pg_temp.gen_rnd(rt.inv_n, p.salt + 44))) END
               WHEN eligible AND rt.refund_roll < 0.03 THEN rt.total
          END AS amount
     FROM (SELECT rt.settlement = 'paid' AND NOT rt.this_month AND rt.refund_time > rt.pay_time
                  AND rt.total >= CASE WHEN rt.decimals = 0 THEN 10000 ELSE 10 END AS eligible) e
 ) refund;
`;
