'use client';

import type { FieldErrors, FieldValues, UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

/** The three fields subscribing and changing share (SPEC §10: plan_id, billing_cycle, agent_count). */
type TPlanCycleAgents = { plan_id: string; billing_cycle: 'monthly' | 'annual'; agent_count: number };

/**
 * Plan, cycle and agents, registered on the caller's form. `plans` arrive filtered and labelled
 * (subscribing offers active plans with their currency; a change offers the subscription's currency).
 */
export function PlanCycleAgentsFields<T extends FieldValues>({ register, errors, plans, cycleLabel = 'Billing cycle' }: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  plans: readonly { id: string; label: string }[];
  cycleLabel?: string;
}) {
  // Both forms' schemas have these three keys; react-hook-form cannot see that through the generic.
  const fields = register as unknown as UseFormRegister<TPlanCycleAgents>;
  const fieldErrors = errors as FieldErrors<TPlanCycleAgents>;
  return (
    <>
      <Field label="Plan" error={fieldErrors.plan_id?.message}>
        {(c) => (
          <Select {...c} {...fields('plan_id')}>
            {plans.map((plan) => <option key={plan.id} value={plan.id}>{plan.label}</option>)}
          </Select>
        )}
      </Field>
      <Field label={cycleLabel} error={fieldErrors.billing_cycle?.message}>
        {(c) => (
          <Select {...c} {...fields('billing_cycle')}>
            <option value="monthly">Monthly</option>
            <option value="annual">Annual</option>
          </Select>
        )}
      </Field>
      <Field label="Agents" error={fieldErrors.agent_count?.message}>{(c) => <Input {...c} type="number" min={1} {...fields('agent_count', { valueAsNumber: true })} />}</Field>
    </>
  );
}
