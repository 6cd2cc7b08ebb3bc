'use client';

import { toast } from 'sonner';
import { updateCouponAction } from '@/lib/actions/coupons';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import { useInvalidateCoupons } from './use-coupons';

/** Asks before deactivating: invoices stop applying the coupon at once (it can be reactivated). Mounted while open. */
export function DeactivateCouponDialog({ coupon, onClose }: { coupon: TCoupon; onClose: () => void }) {
  const invalidate = useInvalidateCoupons();

  async function deactivate() {
    const result = await updateCouponAction(coupon.id, { is_active: false });
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success(`${coupon.code} deactivated.`);
    await invalidate();
    onClose();
  }

  return (
    <ConfirmDialog
      title={`Deactivate ${coupon.code}?`}
      description="New invoices will no longer apply this coupon. Invoices already issued keep their discount, and you can reactivate it later."
      confirmLabel="Deactivate"
      pendingLabel="Deactivating…"
      variant="danger"
      onConfirm={deactivate}
      onClose={onClose}
    />
  );
}
