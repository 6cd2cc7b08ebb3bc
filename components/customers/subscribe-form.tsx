'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { MutationStatus } from './mutation-status';
import { sendJson } from './post-json';
import { useCustomerMutation } from './use-customer-mutation';
import { submitKeepingValues } from './submit-keeping-values';

export type TPlanChoice = { id: string; name: string; currency: string; is_active: boolean };
export type TAddonChoice = { id: string; name: string; unit: 'flat' | 'per_agent'; is_active: boolean };

/** POST /subscriptions: plan, cycle, agents, add-ons, coupon; the first invoice is issued at once. */
export function SubscribeForm({ organizationId, plans, addons }: { organizationId: string; plans: TPlanChoice[]; addons: TAddonChoice[] }) {
  const mutation = useCustomerMutation();
  const errors = mutation.problem?.fields ?? {};
  async function submit(form: FormData) {
    const body: Record<string, unknown> = {
      organization_id: organizationId,
      plan_id: form.get('plan_id'),
      billing_cycle: form.get('billing_cycle'),
      agent_count: Number(form.get('agent_count')),
      addons: addons.filter((addon) => form.get(`addon-${addon.id}`)).map((addon) => ({ addon_id: addon.id })),
    };
    const code = String(form.get('coupon_code') ?? '').trim();
    if (code) body.coupon_code = code;
    await mutation.run(() => sendJson('/subscriptions', body), 'Subscribed: the first invoice is issued.');
  }
  return (
    <form onSubmit={submitKeepingValues(submit)} aria-label="Subscribe" className="grid gap-3 sm:grid-cols-2">
      <Field label="Plan" error={errors.plan_id}>
        {(control) => (
          <Select {...control} name="plan_id" required>
            {plans.filter((plan) => plan.is_active).map((plan) => <option key={plan.id} value={plan.id}>{plan.name} ({plan.currency})</option>)}
          </Select>
        )}
      </Field>
      <Field label="Billing cycle" error={errors.billing_cycle}>
        {(control) => (
          <Select {...control} name="billing_cycle">
            <option value="monthly">Monthly</option>
            <option value="annual">Annual</option>
          </Select>
        )}
      </Field>
      <Field label="Agents" error={errors.agent_count}>{(control) => <Input {...control} name="agent_count" type="number" min={1} defaultValue={1} />}</Field>
      <Field label="Coupon code (optional)" error={errors.coupon_code}>{(control) => <Input {...control} name="coupon_code" placeholder="WELCOME20" />}</Field>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-zinc-700">Add-ons</legend>
        <div className="flex flex-wrap gap-4">
          {addons.filter((addon) => addon.is_active).map((addon) => (
            <label key={addon.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`addon-${addon.id}`} /> {addon.name}{addon.unit === 'per_agent' ? ' (per agent)' : ''}
            </label>
          ))}
        </div>
        {errors.addons ? <p className="text-xs font-medium text-red-600">{errors.addons}</p> : null}
      </fieldset>
      <div className="sm:col-span-2 space-y-2">
        <MutationStatus mutation={mutation} />
        <Button type="submit" disabled={mutation.pending}>{mutation.pending ? 'Subscribing…' : 'Subscribe'}</Button>
      </div>
    </form>
  );
}
