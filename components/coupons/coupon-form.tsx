'use client';

import { useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormAlert, fieldMessage, showActionFailure, topLevelField } from '@/components/ui/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ZCreateCouponInput, ZUpdateCouponInput, type TCoupon, type TCreateCouponInput, type TUpdateCouponInput } from '@/lib/billing/coupons/schemas';
import type { TActionResult } from '@/lib/http/admin-action';
import { CURRENCIES } from '@/lib/money-format';
import { CouponDateField } from './coupon-date-field';
import { EMPTY_COUPON_VALUES, changedFields, couponToFormValues, type TCouponFormOutput, type TCouponFormValues } from './coupon-form-values';
import { CouponPlansField } from './coupon-plans-field';
import type { TCouponPlanOption } from './plan-option';
import { WorstCasePanel } from './worst-case-panel';

export type TCouponFormMode =
  | { kind: 'create'; initial?: TCouponFormValues; duplicateOf?: TCoupon }
  | { kind: 'edit'; coupon: TCoupon };

export type TCouponFormSubmit =
  | { kind: 'create'; values: TCreateCouponInput; deactivateOriginal: boolean }
  | { kind: 'edit'; values: TUpdateCouponInput };

type Props = {
  mode: TCouponFormMode;
  plans: TCouponPlanOption[];
  onSubmit: (submit: TCouponFormSubmit) => Promise<TActionResult<unknown>>;
  onCancel: () => void;
  onDuplicate?: (coupon: TCoupon) => void;
};

const fieldFor = topLevelField<TCouponFormValues>(Object.keys(EMPTY_COUPON_VALUES));
// Empty number inputs: NaN for the required value (zod says "Must be a number."), null for "unlimited".
const nullableNumber = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

/** The same zod schemas as the API: the create body, or for an edit the changed fields judged by the update schema. */
function resolverFor(mode: TCouponFormMode): Resolver<TCouponFormValues, unknown, TCouponFormOutput> {
  if (mode.kind === 'create') return zodResolver(ZCreateCouponInput);
  const update = zodResolver(ZUpdateCouponInput);
  return (values, context, options) => update(changedFields(values, mode.coupon), context, options as never) as never;
}

export function CouponForm({ mode, plans, onSubmit, onCancel, onDuplicate }: Props) {
  const editing = mode.kind === 'edit' ? mode.coupon : null;
  const duplicateOf = mode.kind === 'create' ? mode.duplicateOf : undefined;
  const locked = editing !== null && editing.current_uses > 0;
  const [deactivateOriginal, setDeactivateOriginal] = useState(false);
  const form = useForm<TCouponFormValues, unknown, TCouponFormOutput>({
    resolver: resolverFor(mode),
    defaultValues: editing ? couponToFormValues(editing) : mode.kind === 'create' && mode.initial ? mode.initial : EMPTY_COUPON_VALUES,
  });
  const { register, control, handleSubmit, setValue, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const [discountType, duration] = useWatch({ control, name: ['discount_type', 'duration'] });

  const submit = handleSubmit(async (values) => {
    const result = await onSubmit(editing ? { kind: 'edit', values: values as TUpdateCouponInput } : { kind: 'create', values: values as TCreateCouponInput, deactivateOriginal });
    // Server errors (code_taken, coupon_in_use …) go onto the field they name; the rest above the form.
    if (!result.ok) showActionFailure(result, setError, fieldFor);
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormAlert message={errors.root?.server?.message} />
      {locked ? (
        <div role="note" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>
            Used {editing.current_uses} {editing.current_uses === 1 ? 'time' : 'times'}: the discount is locked so past invoices stay explainable.
          </p>
          {onDuplicate ? (
            <Button variant="secondary" size="sm" onClick={() => onDuplicate(editing)}>
              Duplicate with changes
            </Button>
          ) : null}
        </div>
      ) : null}

      <Field label="Code" error={errors.code?.message} hint="3–32 letters, digits, “-” or “_”; saved in capitals, unique ignoring case.">
        {(c) => <Input {...c} {...register('code')} disabled={locked} autoComplete="off" spellCheck={false} className="font-mono uppercase" />}
      </Field>

      <div className="grid gap-4 sm:grid-cols-[10rem_1fr_8rem]">
        <Field label="Discount type" error={errors.discount_type?.message}>
          {(c) => (
            <Select
              {...c}
              {...register('discount_type', { onChange: (event) => setValue('currency', event.target.value === 'fixed' ? 'IDR' : null) })}
              disabled={locked}
            >
              <option value="percentage">Percentage</option>
              <option value="fixed">Fixed amount</option>
            </Select>
          )}
        </Field>
        <Field label={discountType === 'percentage' ? 'Percent off' : 'Amount off'} error={errors.discount_value?.message} hint={discountType === 'percentage' ? '1–100, up to 2 decimals' : undefined}>
          {(c) => <Input {...c} type="number" inputMode="decimal" step="any" {...register('discount_value', { valueAsNumber: true })} disabled={locked} className="text-right" />}
        </Field>
        {discountType === 'fixed' ? (
          <Field label="Currency" error={errors.currency?.message}>
            {(c) => (
              <Select {...c} {...register('currency')} disabled={locked}>
                {CURRENCIES.map((code) => (
                  <option key={code}>{code}</option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Duration" error={errors.duration?.message} hint={editing ? 'Set when the coupon was created.' : 'How many invoices of a subscription it discounts.'}>
          {(c) => (
            <Select {...c} {...register('duration', { onChange: (event) => event.target.value !== 'repeating' && setValue('duration_in_cycles', null) })} disabled={editing !== null}>
              <option value="once">Once</option>
              <option value="repeating">Repeating</option>
              <option value="forever">Forever</option>
            </Select>
          )}
        </Field>
        {duration === 'repeating' ? (
          <Field label="Invoices covered" error={errors.duration_in_cycles?.message}>
            {(c) => <Input {...c} type="number" inputMode="numeric" min={1} {...register('duration_in_cycles', { setValueAs: nullableNumber })} disabled={editing !== null} />}
          </Field>
        ) : null}
        <Field label="Max uses" error={errors.max_uses?.message} hint={locked ? `At least ${editing.current_uses}; empty means unlimited.` : 'Empty means unlimited.'}>
          {(c) => <Input {...c} type="number" inputMode="numeric" min={1} {...register('max_uses', { setValueAs: nullableNumber })} />}
        </Field>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <CouponDateField control={control} name="valid_from" label="Valid from (UTC)" hint="Empty means now." error={errors.valid_from?.message} />
        <CouponDateField control={control} name="valid_until" label="Valid until (UTC)" hint="Empty means no end date." error={errors.valid_until?.message} />
      </div>

      <CouponPlansField control={control} plans={plans} error={fieldMessage(errors.applicable_plans)} />

      <WorstCasePanel control={control} plans={plans} />

      {duplicateOf && duplicateOf.is_active ? (
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" className="size-4 accent-brand-600" checked={deactivateOriginal} onChange={(event) => setDeactivateOriginal(event.target.checked)} />
          Deactivate {duplicateOf.code} after creating this coupon
        </label>
      ) : null}

      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : editing ? 'Save changes' : 'Create coupon'}
        </Button>
      </div>
    </form>
  );
}
