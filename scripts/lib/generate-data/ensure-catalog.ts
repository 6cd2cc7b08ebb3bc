/**
 * The catalog the generated tenants buy from. Whatever the database already has is used as it is
 * (on top of the demo seed: its four IDR plans, five add-ons and coupons); only what is missing is
 * added, under `gen-` slugs and `GEN-` codes, and never changed afterwards:
 * - plans in each generated currency that has no active plan (the demo prices only in rupiah, so
 *   USD and SGD plans are added; IDR plans too on an empty database);
 * - rupiah add-ons when there is no active one;
 * - the GEN- coupons, always: one of each duration, fixed ones in each currency, a plan-restricted
 *   one, and a capped launch offer that the generated history exhausts.
 * Runs inside the generator's transaction; `gen_params` must exist.
 */
export const ENSURE_CATALOG_SQL = `
INSERT INTO plans (id, name, slug, currency, base_price_monthly, base_price_annual, per_agent_price, overage_message_price,
                   limits, features, is_active, sort_order, created_at, updated_at)
SELECT gen_random_uuid(), v.name, v.slug, v.currency, v.monthly, v.monthly * 10, v.per_agent, v.overage,
       jsonb_build_object('max_agents', v.max_agents, 'max_contacts', v.max_contacts, 'max_messages_month', v.max_messages,
                          'max_channels', v.max_channels, 'max_ai_agents', v.max_ai_agents),
       jsonb_build_object('ai_agent', v.sort_order > 1, 'api_access', v.sort_order > 1, 'dedicated_support', v.sort_order = 4),
       true, 100 + v.sort_order, p.window_start - interval '1 year', p.window_start - interval '1 year'
  FROM gen_params p,
       (VALUES
         ('Starter', 'gen-starter-idr', 'IDR', 299000, 59000, 300, 3, 1000, 5000, 2, 0, 1),
         ('Growth', 'gen-growth-idr', 'IDR', 799000, 79000, 250, 10, 10000, 25000, 5, 1, 2),
         ('Pro', 'gen-pro-idr', 'IDR', 1999000, 69000, 200, 25, 50000, 100000, 10, 3, 3),
         ('Enterprise', 'gen-enterprise-idr', 'IDR', 4999000, 49000, 150, 100, NULL, 500000, NULL, NULL, 4),
         ('Starter (USD)', 'gen-starter-usd', 'USD', 19, 4, 0.02, 3, 1000, 5000, 2, 0, 1),
         ('Growth (USD)', 'gen-growth-usd', 'USD', 49, 5, 0.015, 10, 10000, 25000, 5, 1, 2),
         ('Pro (USD)', 'gen-pro-usd', 'USD', 129, 4.5, 0.012, 25, 50000, 100000, 10, 3, 3),
         ('Enterprise (USD)', 'gen-enterprise-usd', 'USD', 329, 3.5, 0.01, 100, NULL, 500000, NULL, NULL, 4),
         ('Starter (SGD)', 'gen-starter-sgd', 'SGD', 25, 5, 0.03, 3, 1000, 5000, 2, 0, 1),
         ('Growth (SGD)', 'gen-growth-sgd', 'SGD', 65, 7, 0.02, 10, 10000, 25000, 5, 1, 2),
         ('Pro (SGD)', 'gen-pro-sgd', 'SGD', 169, 6, 0.015, 25, 50000, 100000, 10, 3, 3),
         ('Enterprise (SGD)', 'gen-enterprise-sgd', 'SGD', 429, 4.5, 0.012, 100, NULL, 500000, NULL, NULL, 4)
       ) AS v (name, slug, currency, monthly, per_agent, overage, max_agents, max_contacts, max_messages, max_channels, max_ai_agents, sort_order)
 WHERE NOT EXISTS (SELECT 1 FROM plans WHERE plans.currency = v.currency AND plans.is_active)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO addons (id, name, slug, description, currency, price_monthly, price_annual, unit, is_active, sort_order, created_at, updated_at)
SELECT gen_random_uuid(), v.name, v.slug, v.description, 'IDR', v.monthly, v.monthly * 10, v.unit::"AddonUnit", true, 100 + v.sort_order,
       p.window_start - interval '1 year', p.window_start - interval '1 year'
  FROM gen_params p,
       (VALUES
         ('Extra WhatsApp number', 'gen-extra-whatsapp-number', 'One more WhatsApp Business number.', 150000, 'flat', 1),
         ('AI credits pack', 'gen-ai-credits-pack', '10.000 extra AI agent replies a month.', 250000, 'flat', 2),
         ('Priority support', 'gen-priority-support', 'Four-hour response time, per agent seat.', 25000, 'per_agent', 3)
       ) AS v (name, slug, description, monthly, unit, sort_order)
 WHERE NOT EXISTS (SELECT 1 FROM addons WHERE addons.currency = 'IDR' AND addons.is_active)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO coupons (id, code, discount_type, discount_value, currency, duration, duration_in_cycles, max_uses, current_uses,
                     valid_from, valid_until, applicable_plans, is_active, created_at, updated_at)
SELECT gen_random_uuid(), v.code, v.discount_type::"DiscountType", v.discount_value, v.currency, v.duration::"CouponDuration",
       v.cycles, v.max_uses, 0, p.window_start - interval '7 days', v.valid_until,
       CASE WHEN v.top_plans_only
            THEN ARRAY(SELECT id FROM plans WHERE currency = 'IDR' AND is_active ORDER BY base_price_monthly DESC LIMIT 2)
            ELSE '{}'::uuid[] END,
       true, p.window_start - interval '7 days', p.window_start - interval '7 days'
  FROM gen_params p
 CROSS JOIN LATERAL (VALUES
         ('GEN-WELCOME10', 'percentage', 10, NULL, 'once', NULL::int, NULL::int, NULL::timestamptz, false),
         ('GEN-LOYAL5', 'percentage', 5, NULL, 'forever', NULL, NULL, NULL, false),
         ('GEN-HEMAT50K', 'fixed', 50000, 'IDR', 'repeating', 3, NULL, NULL, false),
         ('GEN-UPGRADE12', 'percentage', 12.5, NULL, 'repeating', 6, NULL, NULL, true),
         ('GEN-USD10OFF', 'fixed', 10, 'USD', 'once', NULL, NULL, NULL, false),
         ('GEN-SGD15OFF', 'fixed', 15, 'SGD', 'repeating', 2, NULL, NULL, false),
         -- A campaign over the first third of the history: expired since.
         ('GEN-FLASH20', 'percentage', 20, NULL, 'once', NULL, NULL, p.window_start + make_interval(months => p.months / 3 + 1), false),
         -- Capped: the launch offer most coupon holders ask for, so the history uses it up.
         ('GEN-LAUNCH30', 'percentage', 30, NULL, 'once', NULL, GREATEST(2, p.organizations / 400), NULL, false)
       ) AS v (code, discount_type, discount_value, currency, duration, cycles, max_uses, valid_until, top_plans_only)
ON CONFLICT (code) DO NOTHING;
`;

/** The capped coupon that most coupon-holding tenants take (so it ends up exhausted). */
export const LAUNCH_COUPON_CODE = 'GEN-LAUNCH30';
