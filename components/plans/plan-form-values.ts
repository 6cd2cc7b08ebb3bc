import type { DefaultValues, FieldError, Resolver } from 'react-hook-form';
import { PLAN_LIMIT_KEYS, type TPlan, type TPlanFeatures, type TPlanLimits, type TUpdatePlanInput } from '@/lib/billing/plans/schemas';
import type { TCurrency } from '@/lib/money';

/** What the plan form holds: the fields ZCreatePlanInput and ZUpdatePlanInput both accept. */
export interface TPlanFormValues {
  name: string;
  slug: string;
  currency: TCurrency;
  base_price_monthly: number;
  /** Blank (undefined) on create means the seed default, monthly × 10. */
  base_price_annual: number | undefined;
  per_agent_price: number;
  overage_message_price: number;
  limits: TPlanLimits;
  features: TPlanFeatures;
  sort_order: number;
}

export const PLAN_FORM_FIELDS = [
  'name', 'slug', 'currency', 'base_price_monthly', 'base_price_annual', 'per_agent_price', 'overage_message_price', 'limits', 'features', 'sort_order',
] as const satisfies readonly (keyof TPlanFormValues)[];

// Amounts and limits start blank (not 0, not unlimited): each is a decision the admin makes.
const NEW_PLAN: DefaultValues<TPlanFormValues> = {
  name: '',
  slug: '',
  currency: 'IDR',
  features: { ai_agent: false, api_access: false, dedicated_support: false },
  sort_order: 0,
};

export function planFormDefaults(plan?: TPlan): DefaultValues<TPlanFormValues> {
  if (!plan) return NEW_PLAN;
  const { id: _id, is_active: _active, created_at: _created, updated_at: _updated, ...values } = plan;
  return values;
}

/**
 * Inputs give strings; zod wants numbers. A blank or unreadable input becomes NaN, which the
 * schema rejects as "Must be a number." — except where blank has a meaning (`blank` = undefined).
 */
export const numberFromInput = (raw: unknown): number => (raw === '' || raw === null || raw === undefined ? Number.NaN : Number(raw));
export const optionalNumberFromInput = (raw: unknown): number | undefined => (raw === '' || raw === undefined ? undefined : Number(raw));

/**
 * An update names only what the admin changed (a PATCH, so a concurrent edit of another field is
 * not overwritten); limits and features travel whole, as the API requires.
 */
export function changedFields(values: TPlanFormValues, dirty: Partial<Record<keyof TPlanFormValues, unknown>>): TUpdatePlanInput {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof TPlanFormValues)[]) {
    if (isDirty(dirty[key])) changes[key] = values[key];
  }
  return changes as TUpdatePlanInput;
}

/** RHF marks a nested object dirty per key: `{ max_agents: true }`. */
function isDirty(flag: unknown): boolean {
  if (typeof flag === 'boolean') return flag;
  return typeof flag === 'object' && flag !== null && Object.values(flag).some(isDirty);
}

/**
 * The part of the form that moves a subscription's MRR, when it is valid enough to ask the server
 * about: invalid entries are left out, so the preview keeps using the saved value for them.
 */
export function pricingChange(values: TPricingValues): TUpdatePlanInput {
  const change: TUpdatePlanInput = {};
  if (isAmount(values.base_price_monthly)) change.base_price_monthly = values.base_price_monthly;
  if (isAmount(values.base_price_annual)) change.base_price_annual = values.base_price_annual;
  if (isAmount(values.per_agent_price)) change.per_agent_price = values.per_agent_price;
  const limits = values.limits;
  if (limits && PLAN_LIMIT_KEYS.every((key) => isLimit(limits[key]))) {
    change.limits = Object.fromEntries(PLAN_LIMIT_KEYS.map((key) => [key, limits[key]])) as TPlanLimits;
  }
  return change;
}

/** The form's values as useWatch reports them: any of them may still be missing. */
type TPricingValues = {
  base_price_monthly?: number;
  base_price_annual?: number;
  per_agent_price?: number;
  limits?: Partial<Record<keyof TPlanLimits, number | null>>;
};

const isLimit = (value: number | null | undefined) => value === null || (Number.isInteger(value) && (value as number) >= 0);
const isAmount = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value >= 0;

const AMOUNT_FIELDS = ['base_price_monthly', 'base_price_annual', 'per_agent_price', 'overage_message_price', 'sort_order'] as const;
const isBlank = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isNaN(value));

/**
 * The schema speaks to API clients ("Must be a number.", "… or null for unlimited"); for an input
 * left blank the form says what to do instead. Every other message is the schema's own.
 */
export function withBlankFieldMessages(resolver: Resolver<TPlanFormValues>): Resolver<TPlanFormValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors = result.errors as Record<string, FieldError | Record<string, FieldError> | undefined>;
    for (const field of AMOUNT_FIELDS) {
      const error = errors[field] as FieldError | undefined;
      if (error && isBlank(values[field])) error.message = 'Required.';
    }
    const limitErrors = errors.limits as Record<string, FieldError> | undefined;
    for (const key of PLAN_LIMIT_KEYS) {
      const error = limitErrors?.[key];
      if (error && isBlank(values.limits?.[key])) error.message = 'Enter a whole number, or tick Unlimited.';
    }
    return result;
  };
}
