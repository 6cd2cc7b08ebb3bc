'use client';

import { Controller } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { isoToUtcInput, utcInputToIso, type TCouponFormControl } from './coupon-form-values';

type Props = {
  control: TCouponFormControl;
  name: 'valid_from' | 'valid_until';
  label: string;
  hint: string;
  error?: string;
  disabled?: boolean;
};

/** A UTC date-time input bound to an ISO timestamp; empty is `undefined` for valid_from (now) and null for valid_until (no end). */
export function CouponDateField({ control, name, label, hint, error, disabled }: Props) {
  const empty = name === 'valid_from' ? undefined : null;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field label={label} hint={hint} error={error}>
          {(controlProps) => (
            <Input
              type="datetime-local"
              {...controlProps}
              ref={field.ref}
              name={field.name}
              disabled={disabled}
              value={isoToUtcInput(field.value)}
              onBlur={field.onBlur}
              onChange={(event) => field.onChange(utcInputToIso(event.target.value) ?? empty)}
            />
          )}
        </Field>
      )}
    />
  );
}
