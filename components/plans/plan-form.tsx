'use client';

import { useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { createPlanAction, updatePlanAction } from '@/lib/actions/plans';
import { Button } from '@/components/ui/button';
import { setServerFieldErrors, type TFieldFor } from '@/components/ui/form-errors';
import { DialogClose, DialogFooter } from '@/components/ui/dialog';
import { ZCreatePlanInput, ZUpdatePlanInput, type TPlan } from '@/lib/billing/plans/schemas';
import { PlanChangePreview } from './plan-change-preview';
import { PlanFormFields } from './plan-form-fields';
import { PLAN_FORM_FIELDS, changedFields, planFormDefaults, pricingChange, withBlankFieldMessages, type TPlanFormValues } from './plan-form-values';
import { PLANS_QUERY_KEY } from './plans-query';

type PlanFormProps = {
  /** The plan being edited; none to create one. */
  plan?: TPlan;
  onSaved: (plan: TPlan) => void;
};

/** Create or edit a plan, validated in the browser by the very schema the server applies. */
export function PlanForm({ plan, onSaved }: PlanFormProps) {
  const queryClient = useQueryClient();
  const form = useForm<TPlanFormValues>({
    // Both schemas accept exactly TPlanFormValues' fields; the server action parses again with the same one.
    resolver: withBlankFieldMessages(zodResolver(plan ? ZUpdatePlanInput : ZCreatePlanInput) as unknown as Resolver<TPlanFormValues>),
    defaultValues: planFormDefaults(plan),
    mode: 'onTouched',
  });
  const { handleSubmit, setError, formState } = form;
  const values = useWatch({ control: form.control });

  const onSubmit = handleSubmit(async (submitted) => {
    const result = plan ? await updatePlanAction(plan.id, changedFields(submitted, formState.dirtyFields)) : await createPlanAction(submitted);
    if (!result.ok) return void (setServerFieldErrors(result, setError, fieldFor) || toast.error(result.message));
    await queryClient.invalidateQueries({ queryKey: PLANS_QUERY_KEY });
    toast.success(plan ? `Plan "${result.data.name}" saved.` : `Plan "${result.data.name}" created.`);
    onSaved(result.data);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <PlanFormFields form={form} mode={plan ? 'edit' : 'create'} />
      {plan ? <PlanChangePreview planId={plan.id} change={pricingChange(values)} /> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={formState.isSubmitting || (plan !== undefined && !formState.isDirty)}>
          {formState.isSubmitting ? 'Saving…' : plan ? 'Save changes' : 'Create plan'}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Field errors from the server (e.g. slug_taken on `slug`) go inline; anything else is a toast. */
const fieldFor: TFieldFor<TPlanFormValues> = (path) => ((PLAN_FORM_FIELDS as readonly string[]).includes(path.split('.')[0] ?? '') ? (path as FieldPath<TPlanFormValues>) : null);
