'use client';

import { toast } from 'sonner';
import { createCouponAction, updateCouponAction } from '@/lib/actions/coupons';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import type { TActionResult } from '@/lib/http/admin-action';
import { CouponForm, type TCouponFormMode, type TCouponFormSubmit } from './coupon-form';
import type { TCouponPlanOption } from './plan-option';
import { useInvalidateCoupons } from './use-coupons';

type Props = {
  mode: TCouponFormMode;
  plans: TCouponPlanOption[];
  onClose: () => void;
  onDuplicate: (coupon: TCoupon) => void;
};

/**
 * Create, edit and "duplicate with changes" in one dialog; the form maps the action's field errors.
 * Mounted while open, loaded on demand (lazy-coupon-dialogs.tsx).
 */
export function CouponFormDialog({ mode, plans, onClose, onDuplicate }: Props) {
  const invalidate = useInvalidateCoupons();

  async function save(submit: TCouponFormSubmit): Promise<TActionResult<unknown>> {
    if (submit.kind === 'edit') {
      if (mode.kind !== 'edit') return { ok: false, status: 400, code: 'no_coupon', message: 'No coupon is being edited.' };
      if (Object.keys(submit.values).length === 0) {
        toast.info('Nothing changed.');
        onClose();
        return { ok: true, data: null };
      }
      const result = await updateCouponAction(mode.coupon.id, submit.values);
      return finish(result, result.ok ? `Coupon ${result.data.code} saved.` : '');
    }
    const result = await createCouponAction(submit.values);
    if (!result.ok) return finish(result, '');
    const original = mode.kind === 'create' ? mode.duplicateOf : undefined;
    if (original && submit.deactivateOriginal) {
      const deactivated = await updateCouponAction(original.id, { is_active: false });
      if (!deactivated.ok) toast.error(`Coupon ${result.data.code} was created, but ${original.code} could not be deactivated: ${deactivated.message}`);
      else toast.success(`${original.code} deactivated.`);
    }
    return finish(result, `Coupon ${result.data.code} created.`);
  }

  async function finish<T>(result: TActionResult<T>, success: string): Promise<TActionResult<T>> {
    if (result.ok) {
      toast.success(success);
      await invalidate();
      onClose();
    } else {
      toast.error(result.message);
    }
    return result;
  }

  const title = mode.kind === 'edit' ? `Edit ${mode.coupon.code}` : mode.duplicateOf ? `Duplicate ${mode.duplicateOf.code}` : 'New coupon';
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            {mode.kind === 'edit'
              ? 'Limits, dates and plans can always change; the code and discount only until the coupon is first used.'
              : 'Codes are case-insensitive. Once used, a coupon’s code and discount are locked.'}
          </DialogDescription>
        </DialogHeader>
        <CouponForm key={formKey(mode)} mode={mode} plans={plans} onSubmit={save} onCancel={onClose} onDuplicate={onDuplicate} />
      </DialogContent>
    </Dialog>
  );
}

// A new key per target, so switching from "edit X" to "duplicate X" starts a fresh form.
function formKey(mode: TCouponFormMode): string {
  return mode.kind === 'edit' ? `edit:${mode.coupon.id}` : `create:${mode.duplicateOf?.id ?? 'new'}`;
}
