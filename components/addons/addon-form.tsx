'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { updateAddonAction, createAddonAction } from '@/lib/actions/addons';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FormAlert, setServerFieldErrors, topLevelField } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { ADDON_UNITS, ZCreateAddonInput, ZUpdateAddonInput, type TAddon, type TAddonUnit } from '@/lib/billing/addons/schemas';
import { PriceInput, annualPriceHint, asOptionalNumber, suggestSlug } from './addon-form-parts';
import { UNIT_HINTS, UNIT_LABELS } from './addon-labels';

type FormProps = { onSaved: (addon: TAddon) => void; onCancel: () => void };

const CREATE_FIELDS = ['name', 'slug', 'description', 'price_monthly', 'price_annual', 'unit', 'sort_order'] as const;
const EDIT_FIELDS = ['name', 'description', 'price_monthly', 'price_annual', 'is_active', 'sort_order'] as const;

/** Create: the same ZCreateAddonInput as POST /addons, so the browser and the API judge alike. */
export function CreateAddonForm({ onSaved, onCancel }: FormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setValue, getFieldState, control: formControl, formState } = useForm({
    resolver: zodResolver(ZCreateAddonInput),
    defaultValues: { name: '', slug: '', description: '', unit: 'flat' as TAddonUnit, sort_order: 0 },
  });
  const { errors, isSubmitting } = formState;
  const [unit = 'flat', monthly, annual] = useWatch({ control: formControl, name: ['unit', 'price_monthly', 'price_annual'] });

  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    const result = await createAddonAction(input);
    if (result.ok) return onSaved(result.data);
    setFormError(setServerFieldErrors(result, setError, topLevelField(CREATE_FIELDS)) ? null : result.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(control) => (
          <Input
            autoFocus
            {...control}
            {...register('name', {
              // Suggest a slug from the name until the operator types one.
              onChange: (event) => !getFieldState('slug').isDirty && setValue('slug', suggestSlug(event.target.value)),
            })}
          />
        )}
      </Field>
      <Field label="Slug" error={errors.slug?.message} hint="Lowercase letters, digits and single hyphens. Fixed after creation.">
        {(control) => <Input className="font-mono" autoComplete="off" {...control} {...register('slug')} />}
      </Field>
      <DescriptionField error={errors.description?.message} registration={register('description')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Unit" error={errors.unit?.message} hint={`${UNIT_HINTS[unit]} Fixed after creation.`}>
          {(control) => (
            <Select {...control} {...register('unit')}>
              {ADDON_UNITS.map((value) => (
                <option key={value} value={value}>
                  {UNIT_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <SortOrderField error={errors.sort_order?.message} registration={register('sort_order', { setValueAs: asOptionalNumber })} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Monthly price" error={errors.price_monthly?.message} hint={unit === 'per_agent' ? 'For each agent seat.' : undefined}>
          {(control) => <PriceInput {...control} {...register('price_monthly', { setValueAs: asOptionalNumber })} />}
        </Field>
        <Field
          label="Annual price"
          error={errors.price_annual?.message}
          hint={annualPriceHint(monthly, annual, 'default')}
        >
          {(control) => <PriceInput placeholder="monthly × 10" {...control} {...register('price_annual', { setValueAs: asOptionalNumber })} />}
        </Field>
      </div>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Create add-on'}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Edit: ZUpdateAddonInput, sending only the fields the operator changed (a PATCH). */
export function EditAddonForm({ addon, onSaved, onCancel }: FormProps & { addon: TAddon }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, control: formControl, formState } = useForm({
    resolver: zodResolver(ZUpdateAddonInput),
    defaultValues: {
      name: addon.name,
      description: addon.description ?? '',
      price_monthly: addon.price_monthly,
      price_annual: addon.price_annual,
      is_active: addon.is_active,
      sort_order: addon.sort_order,
    },
  });
  const { errors, isSubmitting, dirtyFields } = formState;
  const [monthly, annual] = useWatch({ control: formControl, name: ['price_monthly', 'price_annual'] });

  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    const changes = Object.fromEntries(Object.entries(input).filter(([field]) => dirtyFields[field as keyof typeof dirtyFields]));
    if (Object.keys(changes).length === 0) return onSaved(addon);
    const result = await updateAddonAction(addon.id, changes);
    if (result.ok) return onSaved(result.data);
    setFormError(setServerFieldErrors(result, setError, topLevelField(EDIT_FIELDS)) ? null : result.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(control) => <Input {...control} {...register('name')} />}
      </Field>
      <FixedFacts addon={addon} />
      <DescriptionField error={errors.description?.message} registration={register('description')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Monthly price" error={errors.price_monthly?.message} hint="Changing it does not change the annual price.">
          {(control) => <PriceInput {...control} {...register('price_monthly', { setValueAs: asOptionalNumber })} />}
        </Field>
        <Field
          label="Annual price"
          error={errors.price_annual?.message}
          hint={annualPriceHint(monthly, annual ?? addon.price_annual, 'unchanged')}
        >
          {(control) => <PriceInput {...control} {...register('price_annual', { setValueAs: asOptionalNumber })} />}
        </Field>
      </div>
      <SortOrderField error={errors.sort_order?.message} registration={register('sort_order', { setValueAs: asOptionalNumber })} />
      <div className="flex items-start gap-2">
        <input id="addon-is-active" type="checkbox" className="mt-0.5 size-4 rounded border-zinc-300 accent-brand-600" {...register('is_active')} />
        <label htmlFor="addon-is-active" className="text-sm">
          <span className="font-medium text-zinc-800">Active</span>
          <span className="block text-xs text-zinc-500">Inactive add-ons are kept with their history; they are never deleted.</span>
        </label>
      </div>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Slug and unit, read-only, with the reason they cannot change. */
function FixedFacts({ addon }: { addon: TAddon }) {
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2.5 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-zinc-500">Slug</dt>
        <dd className="font-mono text-zinc-900">{addon.slug}</dd>
        <dt className="text-zinc-500">Unit</dt>
        <dd className="text-zinc-900">{UNIT_LABELS[addon.unit]}</dd>
      </dl>
      <p className="mt-2 text-xs text-zinc-500">
        Slug and unit are fixed after creation: subscriptions and invoices refer to them. To change either, create a new add-on and
        deactivate this one.
      </p>
    </div>
  );
}

type Registration = ReturnType<ReturnType<typeof useForm>['register']>;

function DescriptionField({ error, registration }: { error?: string; registration: Registration }) {
  return (
    <Field label="Description" error={error} hint="Optional, up to 500 characters.">
      {(control) => <Textarea rows={2} {...control} {...registration} />}
    </Field>
  );
}

function SortOrderField({ error, registration }: { error?: string; registration: Registration }) {
  return (
    <Field label="Sort order" error={error} hint="Lower numbers are listed first.">
      {(control) => <Input type="number" inputMode="numeric" step={1} className="w-32 tabular-nums" {...control} {...registration} />}
    </Field>
  );
}
