import { describe, expect, it } from 'vitest';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { ZCreatePlanInput, ZUpdatePlanInput } from '@/lib/billing/plans/schemas';
import { changedFields, numberFromInput, optionalNumberFromInput, pricingChange, withBlankFieldMessages, type TPlanFormValues } from './plan-form-values';

const values: TPlanFormValues = {
  name: 'Growth',
  slug: 'growth',
  currency: 'IDR',
  base_price_monthly: 799000,
  base_price_annual: 7990000,
  per_agent_price: 79000,
  overage_message_price: 250,
  limits: { max_agents: 10, max_contacts: 10000, max_messages_month: 25000, max_channels: 5, max_ai_agents: null },
  features: { ai_agent: true, api_access: true, dedicated_support: false },
  sort_order: 20,
};

describe('plan form values', () => {
  it('inputs become numbers; blank is NaN (rejected by the schema) unless blank means "default"', () => {
    expect(numberFromInput('299000')).toBe(299000);
    expect(numberFromInput('49.99')).toBe(49.99);
    expect(numberFromInput('')).toBeNaN();
    expect(numberFromInput('abc')).toBeNaN();
    expect(optionalNumberFromInput('')).toBeUndefined();
    expect(optionalNumberFromInput('10')).toBe(10);
    expect(ZUpdatePlanInput.safeParse({ base_price_monthly: numberFromInput('') }).success).toBe(false);
  });

  it('an update names only the changed fields, with limits and features whole', () => {
    const changes = changedFields(values, { base_price_monthly: true, limits: { max_agents: true }, features: { dedicated_support: false } });
    expect(changes).toEqual({ base_price_monthly: 799000, limits: values.limits });
    expect(ZUpdatePlanInput.parse(changes)).toEqual(changes);
  });

  it('the MRR preview gets only the valid pricing fields', () => {
    expect(pricingChange(values)).toEqual({
      base_price_monthly: 799000, base_price_annual: 7990000, per_agent_price: 79000, limits: values.limits,
    });
    expect(pricingChange({ ...values, base_price_monthly: Number.NaN, limits: { ...values.limits, max_agents: 1.5 } })).toEqual({
      base_price_annual: 7990000, per_agent_price: 79000,
    });
  });

  it('blank inputs say "Required." while other errors keep the schema message', async () => {
    const resolver = withBlankFieldMessages(zodResolver(ZCreatePlanInput) as unknown as Resolver<TPlanFormValues>);
    const blank = { ...values, base_price_monthly: Number.NaN, per_agent_price: -1, base_price_annual: undefined, limits: { ...values.limits, max_agents: Number.NaN } };
    const { errors } = await resolver(blank, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(errors.base_price_monthly?.message).toBe('Required.');
    expect(errors.per_agent_price?.message).toBe('Must be 0 or more.');
    expect(errors.base_price_annual).toBeUndefined();
    expect(errors.limits?.max_agents?.message).toBe('Enter a whole number, or tick Unlimited.');
  });
});
