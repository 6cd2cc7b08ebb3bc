'use client';

import { useId } from 'react';
import { Controller } from 'react-hook-form';
import type { TCouponFormControl } from './coupon-form-values';
import type { TCouponPlanOption } from './plan-option';

type Props = { control: TCouponFormControl; plans: TCouponPlanOption[]; error?: string };

/** A checkbox per plan; none ticked means the coupon applies to every plan (SPEC §5). */
export function CouponPlansField({ control, plans, error }: Props) {
  const id = useId();
  return (
    <Controller
      control={control}
      name="applicable_plans"
      render={({ field }) => {
        const selected = new Set(field.value ?? []);
        const toggle = (planId: string, on: boolean) =>
          field.onChange(plans.map((plan) => plan.id).filter((candidate) => (candidate === planId ? on : selected.has(candidate))));
        return (
          <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} className="space-y-1.5">
            <legend className="text-sm font-medium text-zinc-800">Applicable plans</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2 pt-1">
              {plans.map((plan, index) => (
                <label key={plan.id} className="inline-flex items-center gap-2 text-sm text-zinc-700">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-zinc-300 accent-brand-600"
                    ref={index === 0 ? field.ref : undefined}
                    checked={selected.has(plan.id)}
                    onChange={(event) => toggle(plan.id, event.target.checked)}
                    onBlur={field.onBlur}
                  />
                  {plan.name}
                  {plan.is_active ? null : <span className="text-xs text-zinc-500">(inactive)</span>}
                </label>
              ))}
            </div>
            <p id={`${id}-hint`} className="text-xs text-zinc-500">
              None ticked: the coupon applies to every plan.
            </p>
            {error ? (
              <p id={`${id}-error`} className="text-xs font-medium text-red-600">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}
