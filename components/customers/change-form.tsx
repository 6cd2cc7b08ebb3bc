'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, showActionFailure, topLevelField } from '@/components/ui/form-errors';
import { Select } from '@/components/ui/select';
import { changeSubscriptionAction, previewSubscriptionChangeAction } from '@/lib/actions/subscriptions';
import { ZChangeSubscriptionInput, type TChangePreview, type TChangeSubscriptionInput, type TSubscription } from '@/lib/billing/subscriptions/schemas';
import { ChangePreviewPanel } from './change-preview-panel';
import { PlanCycleAgentsFields } from './plan-cycle-agents-fields';
import { blankToUndefined } from './form-values';
import type { TPlanChoice } from './subscribe-form';
import { useReportSuccess } from './use-report-success';

type TValues = z.input<typeof ZChangeSubscriptionInput>;
const CHANGE_FIELDS = ['plan_id', 'billing_cycle', 'agent_count', 'timing'] as const;
const fieldFor = topLevelField<TValues>(CHANGE_FIELDS);

/** Change plan, cycle or agents (the page keys it by them, so a change made resets it to the new ones): preview every line and MRR before/after, then confirm exactly that (preview_id). */
export function ChangeForm({ subscription, plans }: { subscription: TSubscription; plans: TPlanChoice[] }) {
  const reportSuccess = useReportSuccess();
  const [preview, setPreview] = useState<{ body: TChangeSubscriptionInput; result: TChangePreview } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { register, control, handleSubmit, setError, clearErrors, formState } = useForm<TValues, unknown, TChangeSubscriptionInput>({
    resolver: zodResolver(ZChangeSubscriptionInput),
    defaultValues: { plan_id: subscription.plan_id, billing_cycle: subscription.billing_cycle, agent_count: subscription.agent_count },
  });
  const { errors, isSubmitting } = formState;
  // A preview answers the values it was computed from: an edit hides it, so "Confirm" never confirms something unseen.
  const values = useWatch({ control });
  const shown = preview && CHANGE_FIELDS.every((key) => values[key] === preview.body[key]) ? preview : null;

  const previewChange = handleSubmit(async (values) => {
    setPreview(null);
    const result = await previewSubscriptionChangeAction(subscription.id, values);
    if (!result.ok) return showActionFailure(result, setError, fieldFor);
    setPreview({ body: values, result: result.data });
  });

  async function confirm() {
    if (!shown) return;
    const preview = shown;
    clearErrors('root.server');
    setConfirming(true);
    const result = await changeSubscriptionAction(subscription.id, { ...preview.body, preview_id: preview.result.preview_id }).finally(() => setConfirming(false));
    // 409 subscription_changed: what the preview showed moved; the operator previews again.
    if (!result.ok) return showActionFailure(result, setError, fieldFor);
    setPreview(null);
    reportSuccess(preview.result.timing === 'now' ? 'Changed: the prorated invoice is issued.' : 'Change scheduled for the period end.');
  }

  const busy = isSubmitting || confirming;
  return (
    <div className="space-y-4">
      <form onSubmit={previewChange} noValidate aria-label="Change subscription" className="grid gap-3 sm:grid-cols-4">
        <PlanCycleAgentsFields
          register={register}
          errors={errors}
          cycleLabel="Cycle"
          plans={plans.filter((plan) => plan.currency === subscription.currency).map((plan) => ({ id: plan.id, label: plan.name }))}
        />
        <Field label="When" error={errors.timing?.message}>
          {(c) => (
            <Select {...c} {...register('timing', { setValueAs: blankToUndefined })}>
              <option value="">As the rules say</option>
              <option value="now">Now</option>
              <option value="period_end">At period end</option>
            </Select>
          )}
        </Field>
        <div className="space-y-2 sm:col-span-4">
          <FormAlert message={errors.root?.server?.message} />
          <Button type="submit" variant="secondary" disabled={busy}>Preview change</Button>
        </div>
      </form>
      {shown ? <ChangePreviewPanel preview={shown.result} currency={subscription.currency} busy={busy} onConfirm={confirm} onDiscard={() => setPreview(null)} /> : null}
    </div>
  );
}
