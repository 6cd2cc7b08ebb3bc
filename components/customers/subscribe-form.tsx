'use client';

import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, fieldMessage, showActionFailure, topLevelField } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { createSubscriptionAction } from '@/lib/actions/subscriptions';
import { ZCreateSubscriptionInput, type TCreateSubscriptionInput } from '@/lib/billing/subscriptions/schemas';
import { blankToUndefined } from './form-values';
import { PlanCycleAgentsFields } from './plan-cycle-agents-fields';
import { useReportSuccess } from './use-report-success';

export type TPlanChoice = { id: string; name: string; currency: string; is_active: boolean };
export type TAddonChoice = { id: string; name: string; unit: 'flat' | 'per_agent'; is_active: boolean };

type TValues = z.input<typeof ZCreateSubscriptionInput>;
const fieldFor = topLevelField<TValues>(['plan_id', 'billing_cycle', 'agent_count', 'addons', 'coupon_code']);

/** POST /subscriptions' schema and operation: plan, cycle, agents, add-ons, coupon; the first invoice is issued at once. */
export function SubscribeForm({ organizationId, plans, addons }: { organizationId: string; plans: TPlanChoice[]; addons: TAddonChoice[] }) {
  const reportSuccess = useReportSuccess();
  const activePlans = plans.filter((plan) => plan.is_active);
  const { register, control, handleSubmit, setError, formState } = useForm<TValues, unknown, TCreateSubscriptionInput>({
    resolver: zodResolver(ZCreateSubscriptionInput),
    defaultValues: { organization_id: organizationId, plan_id: activePlans[0]?.id ?? '', billing_cycle: 'monthly', agent_count: 1, addons: [] },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    const result = await createSubscriptionAction(values);
    if (!result.ok) return showActionFailure(result, setError, fieldFor);
    reportSuccess('Subscribed: the first invoice is issued.');
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Subscribe" className="grid gap-3 sm:grid-cols-2">
      <PlanCycleAgentsFields register={register} errors={errors} plans={activePlans.map((plan) => ({ id: plan.id, label: `${plan.name} (${plan.currency})` }))} />
      <Field label="Coupon code (optional)" error={errors.coupon_code?.message}>{(c) => <Input {...c} placeholder="WELCOME20" {...register('coupon_code', { setValueAs: blankToUndefined })} />}</Field>
      <Controller
        control={control}
        name="addons"
        render={({ field }) => {
          const chosen = new Set((field.value ?? []).map((item) => item.addon_id));
          const toggle = (id: string, on: boolean) => field.onChange(on ? [...(field.value ?? []), { addon_id: id }] : (field.value ?? []).filter((item) => item.addon_id !== id));
          return (
            <fieldset className="sm:col-span-2" aria-describedby={errors.addons ? 'subscribe-addons-error' : undefined}>
              <legend className="mb-1 text-sm font-medium text-zinc-700">Add-ons</legend>
              <div className="flex flex-wrap gap-4">
                {addons.filter((addon) => addon.is_active).map((addon) => (
                  <label key={addon.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={chosen.has(addon.id)} onChange={(event) => toggle(addon.id, event.target.checked)} onBlur={field.onBlur} /> {addon.name}
                    {addon.unit === 'per_agent' ? ' (per agent)' : ''}
                  </label>
                ))}
              </div>
              {errors.addons ? <p id="subscribe-addons-error" className="text-xs font-medium text-red-600">{fieldMessage(errors.addons)}</p> : null}
            </fieldset>
          );
        }}
      />
      <div className="space-y-2 sm:col-span-2">
        <FormAlert message={errors.root?.server?.message} />
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? 'Subscribing…' : 'Subscribe'}</Button>
      </div>
    </form>
  );
}
