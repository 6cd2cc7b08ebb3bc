'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, showActionFailure, topLevelField } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { applyCouponAction, removeCouponAction } from '@/lib/actions/subscriptions';
import { ZApplyCouponInput, type TSubscription } from '@/lib/billing/subscriptions/schemas';
import { ActionButton } from './action-button';
import { useReportSuccess } from './use-report-success';

type TValues = z.input<typeof ZApplyCouponInput>;
const fieldFor = topLevelField<TValues>(['code']);

/** Apply a coupon (judged now, once per organization ever) or remove the one applied. */
export function SubscriptionCouponForm({ subscription }: { subscription: TSubscription }) {
  const reportSuccess = useReportSuccess();
  const { register, handleSubmit, setError, formState } = useForm<TValues, unknown, z.output<typeof ZApplyCouponInput>>({
    resolver: zodResolver(ZApplyCouponInput),
    defaultValues: { code: '' },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    const result = await applyCouponAction(subscription.id, values);
    if (!result.ok) return showActionFailure(result, setError, fieldFor);
    reportSuccess('Coupon applied.');
  });

  return (
    <div className="space-y-2">
      {subscription.coupon ? (
        <ActionButton action={removeCouponAction.bind(null, subscription.id)} label={`Remove coupon ${subscription.coupon.code}`} success="Coupon removed." />
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Apply coupon" className="space-y-2">
        <div className="flex items-start gap-2">
          <Field label="Coupon code" error={errors.code?.message}>{(c) => <Input {...c} placeholder="WELCOME20" {...register('code')} />}</Field>
          <Button type="submit" className="mt-6" disabled={isSubmitting}>Apply coupon</Button>
        </div>
        <FormAlert message={errors.root?.server?.message} />
      </form>
    </div>
  );
}
