'use client';

import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { PAYMENT_METHODS } from '@/lib/billing/payments/schemas';
import type { TRefundInput } from '@/lib/billing/refunds/schemas';
import { currencyDecimals, formatMoney } from '@/lib/money-format';
import { paymentMethodLabel } from './payment-labels';
import { refundFormSchema } from './refund-form-schema';
import type { TRefundFigures } from './refund-parts';
import { DialogActions } from '@/components/ui/dialog-actions';

export type TRefundMode = 'full' | 'partial';
/** What the operator chose, carried to the confirmation step and back. */
export type TRefundDraft = { mode: TRefundMode; amount: number; reason: string; method?: TRefundInput['method']; reference?: string };

const REASON_MAX = 500;

type RefundFormProps = {
  currency: string;
  /** A manual refund: the operator may say how the money went back. */
  manual: boolean;
  figures: TRefundFigures;
  draft: TRefundDraft | null;
  onReview: (draft: TRefundDraft) => void;
};

/** Step 1: full or partial, the amount and the reason, judged by the API's own schema. */
export function RefundForm({ currency, manual, figures, draft, onReview }: RefundFormProps) {
  const refundable = figures.amount_refundable;
  const [mode, setMode] = useState<TRefundMode>(draft?.mode ?? 'full');
  const schema = useMemo(() => refundFormSchema(currency, refundable), [currency, refundable]);
  const { register, handleSubmit, setValue, setFocus, control, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: {
      reason: draft?.reason ?? '',
      amount: draft?.mode === 'partial' ? draft.amount : refundable,
      expected_amount_refunded: figures.amount_refunded,
      method: draft?.method,
      reference: draft?.reference,
    },
  });
  const { errors } = formState;
  const [amount, reason = ''] = useWatch({ control, name: ['amount', 'reason'] });
  const decimals = currencyDecimals(currency);

  const choose = (next: TRefundMode) => {
    setMode(next);
    if (next === 'full') setValue('amount', refundable, { shouldValidate: formState.isSubmitted });
    else setTimeout(() => setFocus('amount', { shouldSelect: true }));
  };

  const onSubmit = handleSubmit((values) => onReview({ mode, amount: values.amount ?? refundable, reason: values.reason, method: values.method, reference: values.reference }));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-zinc-800">Refund</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <ModeOption mode="full" current={mode} onChoose={choose} label="Full refund" hint={`All ${formatMoney(refundable, currency)} still refundable`} />
          <ModeOption mode="partial" current={mode} onChoose={choose} label="Partial refund" hint="Part of it; the rest stays refundable" />
        </div>
      </fieldset>
      <Field
        label={`Amount (${currency})`}
        error={errors.amount?.message}
        hint={mode === 'full' ? 'The whole refundable remainder.' : typeof amount === 'number' && Number.isFinite(amount) ? `${formatMoney(amount, currency)} of ${formatMoney(refundable, currency)}` : undefined}
      >
        {(controlProps) => (
          <Input
            {...controlProps}
            type="number"
            inputMode={decimals === 0 ? 'numeric' : 'decimal'}
            min={0}
            max={refundable}
            step={decimals === 0 ? 1 : 1 / 10 ** decimals}
            readOnly={mode === 'full'}
            className="text-right tabular-nums read-only:bg-zinc-50 read-only:text-zinc-600"
            {...register('amount', { valueAsNumber: true })}
          />
        )}
      </Field>
      <Field label="Reason" error={errors.reason?.message} hint={`${reason.length}/${REASON_MAX} · kept in the refund history and the audit log`}>
        {(controlProps) => <Textarea {...controlProps} rows={3} maxLength={REASON_MAX} placeholder="e.g. Customer cancelled within the trial window" {...register('reason')} />}
      </Field>
      {manual ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Returned by (optional)" error={errors.method?.message}>
            {(controlProps) => (
              <Select {...controlProps} {...register('method', { setValueAs: (value: string) => (value === '' ? undefined : value) })}>
                <option value="">Not said</option>
                {PAYMENT_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {paymentMethodLabel(method)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Reference (optional)" error={errors.reference?.message}>
            {(controlProps) => <Input {...controlProps} maxLength={200} placeholder="e.g. BCA-REFUND-778812" {...register('reference', { setValueAs: (value: string) => (value.trim() === '' ? undefined : value) })} />}
          </Field>
        </div>
      ) : null}
      <DialogActions actionLabel="Review refund" pendingLabel="Review refund" disabled={refundable <= 0} />
    </form>
  );
}

type ModeOptionProps = { mode: TRefundMode; current: TRefundMode; onChoose: (mode: TRefundMode) => void; label: string; hint: string };

function ModeOption({ mode, current, onChoose, label, hint }: ModeOptionProps) {
  const checked = mode === current;
  return (
    <label
      className={`flex cursor-pointer gap-3 rounded-md border px-3 py-2.5 text-sm has-focus-visible:outline-2 has-focus-visible:outline-brand-600 ${checked ? 'border-brand-500 bg-brand-50/60' : 'border-zinc-300 hover:bg-zinc-50'}`}
    >
      <input type="radio" name="refund-mode" value={mode} checked={checked} onChange={() => onChoose(mode)} className="mt-0.5 accent-brand-600" />
      <span>
        <span className="block font-medium text-zinc-900">{label}</span>
        <span className="block text-xs text-zinc-500">{hint}</span>
      </span>
    </label>
  );
}
