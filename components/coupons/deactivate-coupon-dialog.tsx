'use client';

import { useState } from 'react';
import { toast } from 'sonner';
import { updateCouponAction } from '@/app/(console)/coupons/actions';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import { useInvalidateCoupons } from './use-coupons';

/** Asks before deactivating: invoices stop applying the coupon at once (it can be reactivated). Mounted while open. */
export function DeactivateCouponDialog({ coupon, onClose }: { coupon: TCoupon; onClose: () => void }) {
  const invalidate = useInvalidateCoupons();
  const [pending, setPending] = useState(false);

  async function deactivate() {
    setPending(true);
    const result = await updateCouponAction(coupon.id, { is_active: false });
    setPending(false);
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success(`${coupon.code} deactivated.`);
    await invalidate();
    onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Deactivate {coupon.code}?</DialogTitle>
          <DialogDescription>
            New invoices will no longer apply this coupon. Invoices already issued keep their discount, and you can reactivate it later.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={deactivate} disabled={pending}>
            {pending ? 'Deactivating…' : 'Deactivate'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
