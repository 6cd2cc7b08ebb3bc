/**
 * Writes the temp tables into the real ones, parents first, each table in one INSERT … SELECT.
 * Rows go in id order, so each primary-key index grows at its right edge only.
 * `table` names the statement in the progress log and the summary.
 */
export interface TInsertStep {
  table: string;
  sql: string;
}

const PAYMENT_METHODS = `(ARRAY['bank_transfer', 'virtual_account', 'card', 'qris', 'ewallet'])`;
const REFUND_REASONS = `(ARRAY['Service outage compensation (SLA credit)', 'Agent seats corrected after downgrade',
  'Duplicate payment by bank transfer', 'Goodwill credit after support escalation', 'Customer cancelled within the first week'])`;
const NAME_PREFIXES = `(ARRAY['PT', 'PT', 'PT', 'CV', 'Toko', 'Klinik', 'Koperasi', 'Yayasan'])`;
const NAME_WORDS_A = `(ARRAY['Nusantara', 'Sinar', 'Karya', 'Cahaya', 'Bumi', 'Samudra', 'Mitra', 'Maju', 'Sentosa', 'Garuda', 'Lestari', 'Harmoni'])`;
const NAME_WORDS_B = `(ARRAY['Digital', 'Logistik', 'Retail', 'Kreatif', 'Niaga', 'Properti', 'Edukasi', 'Kuliner', 'Medika', 'Teknologi', 'Wisata', 'Fashion'])`;

export const INSERT_STEPS: TInsertStep[] = [
  {
    table: 'organizations',
    sql: `
INSERT INTO organizations (id, name, slug, billing_email, country, created_at, updated_at)
SELECT s.organization_id,
       CASE s.currency
         WHEN 'IDR' THEN ${NAME_PREFIXES}[1 + s.i % 8] || ' ' || ${NAME_WORDS_A}[1 + (s.i / 8) % 12] || ' ' || ${NAME_WORDS_B}[1 + (s.i / 96) % 12] || ' ' || s.i
         WHEN 'SGD' THEN ${NAME_WORDS_A}[1 + (s.i / 8) % 12] || ' ' || ${NAME_WORDS_B}[1 + (s.i / 96) % 12] || ' ' || s.i || ' Pte Ltd'
         ELSE ${NAME_WORDS_A}[1 + (s.i / 8) % 12] || ' ' || ${NAME_WORDS_B}[1 + (s.i / 96) % 12] || ' ' || s.i || ' Inc.' END,
       'gen-tenant-' || lpad(s.i::text, 7, '0'),
       'billing@gen-tenant-' || lpad(s.i::text, 7, '0') || '.example',
       CASE s.currency WHEN 'IDR' THEN 'ID' WHEN 'SGD' THEN 'SG' ELSE 'US' END,
       s.started_at - make_interval(days => 1 + floor(pg_temp.gen_rnd(s.i, p.salt + 50) * 20)::int),
       s.started_at - make_interval(days => 1 + floor(pg_temp.gen_rnd(s.i, p.salt + 50) * 20)::int)
  FROM gen_subs s CROSS JOIN gen_params p
 ORDER BY s.i`,
  },
  {
    table: 'subscriptions',
    // Today's state from the history: the period containing now (or the cancellation), the
    // discounted invoices so far, past_due while an issued invoice is overdue.
    sql: `
INSERT INTO subscriptions (id, organization_id, plan_id, status, billing_cycle, currency, agent_count, coupon_id, coupon_cycles_used,
                           started_at, current_period_start, current_period_end, cancelled_at, created_at, updated_at)
SELECT s.subscription_id, s.organization_id, s.plan_id,
       CASE WHEN s.cancelled_at IS NOT NULL THEN 'cancelled' WHEN COALESCE(h.overdue, false) THEN 'past_due' ELSE 'active' END::"SubscriptionStatus",
       s.billing_cycle::"BillingCycle", s.currency, s.agent_count, s.coupon_id, COALESCE(h.discounted, 0),
       s.started_at,
       p.window_start + make_interval(months => cur.k),
       p.window_start + make_interval(months => cur.k + CASE WHEN s.billing_cycle = 'annual' THEN 12 ELSE 1 END),
       s.cancelled_at, s.started_at, COALESCE(s.cancelled_at, s.started_at)
  FROM gen_subs s
 CROSS JOIN gen_params p
  LEFT JOIN (SELECT i, count(*) FILTER (WHERE discount_total > 0)::int AS discounted,
                    bool_or(status = 'open' AND due_at < (SELECT now FROM gen_params)) AS overdue
               FROM gen_inv GROUP BY i) h ON h.i = s.i
 CROSS JOIN LATERAL (
   SELECT (extract(year FROM age(date_trunc('month', COALESCE(s.cancelled_at, p.now)), p.window_start)) * 12
           + extract(month FROM age(date_trunc('month', COALESCE(s.cancelled_at, p.now)), p.window_start)))::int AS k_now
 ) at_month
 CROSS JOIN LATERAL (
   SELECT CASE WHEN s.billing_cycle = 'annual' THEN s.start_k + 12 * floor((at_month.k_now - s.start_k) / 12.0)::int
               ELSE at_month.k_now END AS k
 ) cur
 ORDER BY s.i`,
  },
  {
    table: 'subscription_addons',
    sql: `
INSERT INTO subscription_addons (subscription_id, addon_id, quantity, created_at)
SELECT subscription_id, addon_id, quantity, started_at FROM gen_sub_addons ORDER BY i, ordinal`,
  },
  {
    table: 'invoices',
    sql: `
INSERT INTO invoices (id, number, organization_id, subscription_id, plan_id, currency, status, period_start, period_end, subtotal, discount_total,
                      tax_rate, tax_total, total, amount_paid, amount_refunded, coupon_id, issued_at, due_at, paid_at, voided_at,
                      created_at, updated_at)
SELECT id, number, organization_id, subscription_id, plan_id, currency, status, period_start, period_end, subtotal, discount_total,
       tax_rate, tax_total, total, amount_paid, amount_refunded,
       CASE WHEN discount_total > 0 THEN applied_coupon_id END, issued_at, due_at, paid_at, voided_at,
       created_at, CASE WHEN refunded THEN refund_time ELSE COALESCE(paid_at, voided_at, created_at) END
  FROM gen_inv
 ORDER BY inv_n`,
  },
  {
    table: 'invoice_lines',
    // computeInvoice's lines and order: base, extra agents, overage, add-ons, discount, tax; the
    // positions are counted from which of them exist, so they run 1, 2, 3… without gaps. One
    // simple SELECT per kind: cheaper than fanning every invoice out into five candidate rows.
    sql: `
INSERT INTO invoice_lines (id, invoice_id, position, kind, description, quantity, unit_amount, amount, addon_id)
SELECT pg_temp.gen_id(4, inv_n * 16 + position), id, position, kind::"InvoiceLineKind", description, quantity, unit_amount, amount, addon_id
  FROM (
    SELECT g.inv_n, g.id, 1 AS position, 'plan_base' AS kind, s.base_description AS description, 1 AS quantity,
           CASE WHEN g.billing_cycle = 'annual' THEN g.base_price_annual ELSE g.base_price_monthly END AS unit_amount,
           g.base_amount AS amount, NULL::uuid AS addon_id
      FROM gen_inv g JOIN gen_subs s ON s.i = g.i
    UNION ALL
    SELECT g.inv_n, g.id, 2, 'per_agent', s.agents_description, g.extra_agents, g.per_agent_unit, g.per_agent_amount, NULL
      FROM gen_inv g JOIN gen_subs s ON s.i = g.i
     WHERE g.extra_agents > 0
    UNION ALL
    SELECT g.inv_n, g.id, 2 + (g.extra_agents > 0)::int, 'overage', s.overage_description, g.extra_messages, g.overage_message_price, g.overage_amount, NULL
      FROM gen_inv g JOIN gen_subs s ON s.i = g.i
     WHERE g.extra_messages > 0
    UNION ALL
    SELECT g.inv_n, g.id, 1 + (g.extra_agents > 0)::int + (g.extra_messages > 0)::int + a.ordinal, 'addon',
           a.name || CASE WHEN a.unit = 'per_agent' THEN ' (per agent)' ELSE '' END, a.line_quantity, a.unit_amount, a.amount, a.addon_id
      FROM gen_inv g JOIN gen_sub_addons a ON a.i = g.i
    UNION ALL
    SELECT g.inv_n, g.id, 2 + (g.extra_agents > 0)::int + (g.extra_messages > 0)::int + g.addon_count, 'discount', c.line_description,
           1, -g.discount_total, -g.discount_total, NULL
      FROM gen_inv g JOIN gen_coupons c ON c.id = g.applied_coupon_id
     WHERE g.discount_total > 0
    UNION ALL
    SELECT g.inv_n, g.id, 2 + (g.extra_agents > 0)::int + (g.extra_messages > 0)::int + g.addon_count + (g.discount_total > 0)::int, 'tax',
           p.tax_description, 1, g.tax_total, g.tax_total, NULL
      FROM gen_inv g CROSS JOIN gen_params p
  ) lines`,
  },
  {
    table: 'payments',
    sql: `
INSERT INTO payments (id, invoice_id, amount, currency, method, gateway_ref, paid_at, created_at)
SELECT pg_temp.gen_id(5, inv_n), id, total, currency, ${PAYMENT_METHODS}[1 + payment_method], 'pay_gen_' || to_hex(inv_n), paid_at, paid_at
  FROM gen_inv WHERE paid_at IS NOT NULL
 ORDER BY inv_n`,
  },
  {
    table: 'refunds',
    // A failed attempt changes no total (SPEC §6); it comes halfway between payment and the refund that worked.
    sql: `
INSERT INTO refunds (id, invoice_id, amount, currency, reason, status, failure_reason, gateway_ref, actor_user_id, created_at)
SELECT pg_temp.gen_id(6, g.inv_n * 2 + attempt.failed::int), g.id, g.amount_refunded, g.currency, ${REFUND_REASONS}[1 + g.refund_reason],
       CASE WHEN attempt.failed THEN 'failed' ELSE 'succeeded' END::"RefundStatus",
       CASE WHEN attempt.failed THEN 'The gateway declined the refund: destination account closed' END,
       CASE WHEN attempt.failed THEN NULL ELSE 're_gen_' || to_hex(g.inv_n) END,
       p.refund_actor,
       CASE WHEN attempt.failed THEN g.pay_time + (g.refund_time - g.pay_time) / 2 ELSE g.refund_time END
  FROM gen_inv g
 CROSS JOIN gen_params p
 CROSS JOIN LATERAL (VALUES (false), (true)) AS attempt (failed)
 WHERE g.refunded AND (NOT attempt.failed OR g.refund_failed_first)
 ORDER BY g.inv_n, attempt.failed`,
  },
  {
    table: 'coupon_redemptions',
    sql: `
INSERT INTO coupon_redemptions (id, coupon_id, organization_id, subscription_id, currency, redeemed_at)
SELECT DISTINCT ON (applied_coupon_id, organization_id) pg_temp.gen_id(7, inv_n), applied_coupon_id, organization_id, subscription_id, currency, created_at
  FROM gen_inv WHERE discount_total > 0
 ORDER BY applied_coupon_id, organization_id, inv_n`,
  },
  {
    table: 'coupons (current_uses)',
    // current_uses counts redemptions: organizations that applied the coupon (SPEC §10); capped
    // coupons were never given more discounted invoices than max_uses - current_uses, so fewer holders.
    sql: `
UPDATE coupons c SET current_uses = c.current_uses + u.uses
  FROM (SELECT applied_coupon_id AS id, count(DISTINCT organization_id)::int AS uses FROM gen_inv WHERE discount_total > 0 GROUP BY 1) u
 WHERE c.id = u.id`,
  },
];
