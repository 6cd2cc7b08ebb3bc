import type { TAddon } from '@/lib/billing/addons/schemas';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import type { TPlan } from '@/lib/billing/plans/schemas';

/**
 * Examples for the reference, shaped like the demo seed (prisma/seed-data): IDR prices, annual =
 * monthly × 10. Typed by the schemas' own types, and validated against the generated document by
 * the contract test, so an example that drifts from its schema fails the build, not a reader.
 */
const CREATED = '2025-01-01T00:00:00.000Z';

const GROWTH_LIMITS = { max_agents: 10, max_contacts: 10_000, max_messages_month: 25_000, max_channels: 5, max_ai_agents: 1 };

export const GROWTH_PLAN: TPlan = {
  id: '0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57',
  name: 'Growth',
  slug: 'growth',
  currency: 'IDR',
  base_price_monthly: 799_000,
  base_price_annual: 7_990_000,
  per_agent_price: 79_000,
  overage_message_price: 250,
  limits: GROWTH_LIMITS,
  features: { ai_agent: true, api_access: true, dedicated_support: false },
  is_active: true,
  sort_order: 20,
  created_at: CREATED,
  updated_at: CREATED,
};

export const STARTER_PLAN: TPlan = {
  ...GROWTH_PLAN,
  id: '7d2e8c41-3b5a-4f90-8e6d-1a9c4b7f2d08',
  name: 'Starter',
  slug: 'starter',
  base_price_monthly: 299_000,
  base_price_annual: 2_990_000,
  per_agent_price: 59_000,
  overage_message_price: 300,
  limits: { max_agents: 3, max_contacts: 1_000, max_messages_month: 5_000, max_channels: 2, max_ai_agents: 0 },
  features: { ai_agent: false, api_access: false, dedicated_support: false },
  sort_order: 10,
};

/** The input shape: currency, annual price and sort_order fall back to the seed defaults. */
export const CREATE_PLAN_BODY = {
  name: 'Growth',
  slug: 'growth',
  base_price_monthly: 799_000,
  per_agent_price: 79_000,
  overage_message_price: 250,
  limits: GROWTH_LIMITS,
  features: { ai_agent: true, api_access: true },
};

export const UPDATE_PLAN_BODY = { base_price_monthly: 849_000, base_price_annual: 8_490_000 };

export const WELCOME_COUPON: TCoupon = {
  id: '3c7a1e94-5d2b-4f68-a0c3-9e8b7d6f5a41',
  code: 'WELCOME20',
  discount_type: 'percentage',
  discount_value: 20,
  currency: null,
  duration: 'once',
  duration_in_cycles: null,
  max_uses: null,
  current_uses: 37,
  valid_from: '2025-01-01T00:00:00.000Z',
  valid_until: null,
  applicable_plans: [],
  is_active: true,
  created_at: '2024-12-29T00:00:00.000Z',
  status: 'active',
};

export const CREATE_COUPON_BODY = {
  code: 'HEMAT100K',
  discount_type: 'fixed',
  discount_value: 100_000,
  currency: 'IDR',
  duration: 'repeating',
  duration_in_cycles: 3,
  max_uses: 100,
  valid_until: '2026-12-31T23:59:59Z',
};

export const UPDATE_COUPON_BODY = { max_uses: 200, valid_until: '2027-06-30T23:59:59Z' };

export const WHATSAPP_ADDON: TAddon = {
  id: '9a4d2c6e-1f3b-4e58-b7a9-0c2e4d6f8a13',
  name: 'Extra WhatsApp number',
  slug: 'extra-whatsapp-number',
  description: 'One more WhatsApp Business number on the account.',
  price_monthly: 150_000,
  price_annual: 1_500_000,
  unit: 'flat',
  is_active: true,
  sort_order: 10,
  created_at: CREATED,
  updated_at: CREATED,
};

export const CREATE_ADDON_BODY = {
  name: 'Extra WhatsApp number',
  slug: 'extra-whatsapp-number',
  description: 'One more WhatsApp Business number on the account.',
  price_monthly: 150_000,
};

export const UPDATE_ADDON_BODY = { price_monthly: 175_000, price_annual: 1_750_000 };
