import { z } from 'zod';
import { ZCurrency, ZMoneyInput, ZSlug, ZSortOrder, refineMoneyDecimals } from '@/lib/billing/shared/schemas';

/** A limit: a non-negative whole number, or null for unlimited (SPEC §4). */
const ZLimit = z.number({ error: 'A whole number, or null for unlimited.' }).int('Must be a whole number.').min(0, 'Must be 0 or more.').max(2_147_483_647).nullable();

/** Exactly these keys, all present: an update replaces the whole object. */
export const ZPlanLimits = z.strictObject({
  max_agents: ZLimit,
  max_contacts: ZLimit,
  max_messages_month: ZLimit,
  max_channels: ZLimit,
  max_ai_agents: ZLimit,
});

/** Missing flags are false (SPEC §4). */
export const ZPlanFeatures = z.strictObject({
  ai_agent: z.boolean().default(false),
  api_access: z.boolean().default(false),
  dedicated_support: z.boolean().default(false),
});

export const PLAN_LIMIT_KEYS = Object.keys(ZPlanLimits.shape) as (keyof TPlanLimits)[];
export const PLAN_FEATURE_KEYS = Object.keys(ZPlanFeatures.shape) as (keyof TPlanFeatures)[];

const PRICE_FIELDS = ['base_price_monthly', 'base_price_annual', 'per_agent_price', 'overage_message_price'] as const;

const ZName = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');

export const ZCreatePlanInput = z
  .strictObject({
    name: ZName,
    slug: ZSlug,
    currency: ZCurrency.default('IDR'),
    base_price_monthly: ZMoneyInput,
    // Seed: annual defaults to monthly × 10 (applied by createPlan).
    base_price_annual: ZMoneyInput.optional(),
    per_agent_price: ZMoneyInput,
    overage_message_price: ZMoneyInput,
    limits: ZPlanLimits,
    features: ZPlanFeatures,
    sort_order: ZSortOrder.default(0),
  })
  .superRefine((plan, ctx) => refineMoneyDecimals(ctx, plan.currency, pick(plan, PRICE_FIELDS)));

export const ZUpdatePlanInput = z
  .strictObject({
    name: ZName,
    slug: ZSlug,
    currency: ZCurrency,
    base_price_monthly: ZMoneyInput,
    base_price_annual: ZMoneyInput,
    per_agent_price: ZMoneyInput,
    overage_message_price: ZMoneyInput,
    limits: ZPlanLimits,
    features: ZPlanFeatures,
    is_active: z.boolean(),
    sort_order: ZSortOrder,
  })
  .partial()
  // Without a currency in the body, updatePlan checks decimals against the plan's own currency.
  .superRefine((plan, ctx) => plan.currency && refineMoneyDecimals(ctx, plan.currency, pick(plan, PRICE_FIELDS)));

export const ZPlan = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  currency: ZCurrency,
  base_price_monthly: z.number(),
  base_price_annual: z.number(),
  per_agent_price: z.number(),
  overage_message_price: z.number(),
  limits: ZPlanLimits,
  features: z.strictObject({ ai_agent: z.boolean(), api_access: z.boolean(), dedicated_support: z.boolean() }),
  is_active: z.boolean(),
  sort_order: z.number().int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export type TPlanLimits = z.infer<typeof ZPlanLimits>;
export type TPlanFeatures = z.output<typeof ZPlanFeatures>;
export type TCreatePlanInput = z.output<typeof ZCreatePlanInput>;
export type TUpdatePlanInput = z.output<typeof ZUpdatePlanInput>;
export type TPlan = z.infer<typeof ZPlan>;
export { PRICE_FIELDS as PLAN_PRICE_FIELDS };

function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Record<string, number | undefined> {
  return Object.fromEntries(keys.map((key) => [key, object[key] as number | undefined]));
}
