'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { previewPlanChangeAction, updatePlanAction } from '@/lib/actions/plans';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TPlan } from '@/lib/billing/plans/schemas';
import { PlanForm } from './plan-form';
import { PLANS_QUERY_KEY } from './plans-query';

/**
 * The dialogs of the plans page, loaded on demand (lazy-plan-dialogs.tsx): each is mounted
 * while open, so every opening starts from a blank or freshly loaded form.
 */
export function CreatePlanDialog({ onClose, onCloseAutoFocus }: { onClose: () => void; onCloseAutoFocus?: (event: Event) => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl" onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>New plan</DialogTitle>
          <DialogDescription>Prices are per month unless stated; tax is added on invoices.</DialogDescription>
        </DialogHeader>
        <PlanForm onSaved={onClose} />
      </DialogContent>
    </Dialog>
  );
}

export function EditPlanDialog({ plan, onClose }: { plan: TPlan; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Edit {plan.name}</DialogTitle>
          <DialogDescription>Every change is recorded in the audit log.</DialogDescription>
        </DialogHeader>
        <PlanForm key={plan.id} plan={plan} onSaved={onClose} />
      </DialogContent>
    </Dialog>
  );
}

/** Deactivate or reactivate, after a confirmation: a plan is never deleted (SPEC §4). */
export function PlanActivationDialog({ plan, onClose }: { plan: TPlan; onClose: () => void }) {
  const queryClient = useQueryClient();
  const deactivating = plan.is_active;
  const usage = useQuery({
    queryKey: [...PLANS_QUERY_KEY, plan.id, 'change-preview', {}],
    queryFn: async () => {
      const result = await previewPlanChangeAction(plan.id, {});
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
  });
  const mutation = useMutation({
    mutationFn: async (target: TPlan) => {
      const result = await updatePlanAction(target.id, { is_active: !target.is_active });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: PLANS_QUERY_KEY });
      toast.success(`Plan "${updated.name}" ${updated.is_active ? 'activated' : 'deactivated'}.`);
      onClose();
    },
    onError: (error) => toast.error(error.message),
  });

  const count = usage.data?.active_subscriptions;
  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>
            {deactivating ? 'Deactivate' : 'Activate'} {plan.name}?
          </DialogTitle>
          <DialogDescription>
            {deactivating
              ? 'The plan is kept, never deleted: its subscriptions and invoices stay as they are, and you can activate it again at any time.'
              : 'The plan becomes active again with its current prices and limits.'}
          </DialogDescription>
        </DialogHeader>
        {count !== undefined && count > 0 ? (
          <p className="text-sm text-zinc-700">
            {count.toLocaleString('en-US')} active {count === 1 ? 'subscription uses' : 'subscriptions use'} this plan.
          </p>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={mutation.isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant={deactivating ? 'danger' : 'primary'} disabled={mutation.isPending} onClick={() => mutation.mutate(plan)}>
            {mutation.isPending ? 'Saving…' : deactivating ? 'Deactivate plan' : 'Activate plan'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
