'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, showActionFailure, topLevelField } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { cancelSubscriptionAction } from '@/lib/actions/subscriptions';
import { ZCancelSubscriptionInput, type TCancelSubscriptionInput, type TSubscription } from '@/lib/billing/subscriptions/schemas';
import { useReportSuccess } from './use-report-success';

type TValues = z.input<typeof ZCancelSubscriptionInput>;
const fieldFor = topLevelField<TValues>(['at', 'reason']);

/** Cancel at the period end (reversible) or now (drops a pending change, refunds nothing by itself). */
export function CancelForm({ subscription }: { subscription: TSubscription }) {
  const reportSuccess = useReportSuccess();
  const { register, handleSubmit, setError, formState } = useForm<TValues, unknown, TCancelSubscriptionInput>({
    resolver: zodResolver(ZCancelSubscriptionInput),
    defaultValues: { at: 'period_end', reason: '' },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    const result = await cancelSubscriptionAction(subscription.id, values);
    if (!result.ok) return showActionFailure(result, setError, fieldFor);
    reportSuccess(values.at === 'now' ? 'Cancelled now.' : 'Cancellation scheduled for the period end.');
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Cancel subscription" className="grid gap-3 sm:grid-cols-3">
      <Field label="When" error={errors.at?.message}>
        {(c) => (
          <Select {...c} {...register('at')}>
            <option value="period_end">At period end</option>
            <option value="now">Now</option>
          </Select>
        )}
      </Field>
      <Field label="Reason" error={errors.reason?.message} className="sm:col-span-2">{(c) => <Input {...c} placeholder="Why the customer leaves" {...register('reason')} />}</Field>
      <div className="space-y-2 sm:col-span-3">
        <FormAlert message={errors.root?.server?.message} />
        <Button type="submit" variant="danger" disabled={isSubmitting}>Cancel subscription</Button>
      </div>
    </form>
  );
}
