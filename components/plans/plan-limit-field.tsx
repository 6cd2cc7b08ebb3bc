'use client';

import { useId, useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TPlanLimits } from '@/lib/billing/plans/schemas';
import type { TPlanFormValues } from './plan-form-values';

type LimitFieldProps = {
  control: Control<TPlanFormValues>;
  name: keyof TPlanLimits;
  label: string;
};

/** A limit: a whole number, or null for unlimited, chosen with the "Unlimited" checkbox beside it. */
export function PlanLimitField({ control, name, label }: LimitFieldProps) {
  const {
    field: { ref, name: fieldName, value, onBlur, onChange },
    fieldState,
  } = useController({ control, name: `limits.${name}` });
  const id = useId();
  // The text survives a round trip through "Unlimited", so unticking it brings the number back.
  const [text, setText] = useState(value === null || value === undefined || Number.isNaN(value) ? '' : String(value));
  const unlimited = value === null;
  const errorId = fieldState.error ? `${id}-error` : undefined;

  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-3">
        <Input
          id={id}
          ref={ref}
          name={fieldName}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          className="w-32"
          value={unlimited ? '' : text}
          placeholder={unlimited ? 'Unlimited' : undefined}
          disabled={unlimited}
          aria-invalid={fieldState.error ? true : undefined}
          aria-describedby={errorId}
          onBlur={onBlur}
          onChange={(event) => {
            setText(event.target.value);
            onChange(event.target.value === '' ? Number.NaN : Number(event.target.value));
          }}
        />
        <label className="inline-flex items-center gap-2 text-sm text-zinc-700">
          <input
            type="checkbox"
            className="size-4 rounded border-zinc-300 accent-brand-600"
            checked={unlimited}
            onChange={(event) => onChange(event.target.checked ? null : text === '' ? Number.NaN : Number(text))}
          />
          Unlimited<span className="sr-only"> {label.toLowerCase()}</span>
        </label>
      </div>
      {fieldState.error ? (
        <p id={errorId} className="text-xs font-medium text-red-600">
          {fieldState.error.message}
        </p>
      ) : null}
    </div>
  );
}
