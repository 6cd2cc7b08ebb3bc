'use client';

import { Suspense, useMemo, useState } from 'react';
import { toast } from 'sonner';
import { updateCouponAction } from '@/lib/actions/coupons';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { COUPON_STATUSES } from '@/lib/billing/coupons/coupon-status';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import type { TCouponFormMode } from './coupon-form';
import { duplicateFormValues } from './coupon-form-values';
import { STATUS_LABELS } from './coupon-format';
import { filterCoupons, type TCouponFilter } from './coupon-list-view';
import { CouponsTable } from './coupons-table';
import { CouponFormDialog, CouponHoldersDialog, DeactivateCouponDialog } from './lazy-coupon-dialogs';
import type { TCouponPlanOption } from './plan-option';
import { useCoupons, useInvalidateCoupons } from './use-coupons';

type Props = { initialCoupons: TCoupon[]; plans: TCouponPlanOption[] };

/** The coupons screen: toolbar, table and dialogs, over the list painted by the server and refetched after mutations. */
export function CouponsManager({ initialCoupons, plans }: Props) {
  const { data: coupons, error, isFetching, refetch } = useCoupons(initialCoupons);
  const invalidate = useInvalidateCoupons();
  const [filter, setFilter] = useState<TCouponFilter>({ status: 'all', query: '' });
  const [formMode, setFormMode] = useState<TCouponFormMode | null>(null);
  const [deactivating, setDeactivating] = useState<TCoupon | null>(null);
  const [showingHolders, setShowingHolders] = useState<TCoupon | null>(null);
  const planNames = useMemo(() => new Map(plans.map((plan) => [plan.id, plan.name])), [plans]);
  const visible = filterCoupons(coupons, filter);

  const duplicate = (coupon: TCoupon) =>
    setFormMode({ kind: 'create', duplicateOf: coupon, initial: duplicateFormValues(coupon, coupons.map((c) => c.code), new Date()) });

  async function activate(coupon: TCoupon) {
    const result = await updateCouponAction(coupon.id, { is_active: true });
    if (!result.ok) return void toast.error(result.message);
    toast.success(`${coupon.code} activated.`);
    await invalidate();
  }

  const newCouponButton = (
    <Button onClick={() => setFormMode({ kind: 'create' })} {...CouponFormDialog.preloadHandlers}>
      New coupon
    </Button>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="space-y-1.5 sm:w-64">
          <Label htmlFor="coupon-search">Search by code</Label>
          <Input id="coupon-search" type="search" placeholder="e.g. WELCOME" value={filter.query} onChange={(event) => setFilter({ ...filter, query: event.target.value })} />
        </div>
        <div className="space-y-1.5 sm:w-48">
          <Label htmlFor="coupon-status-filter">Status</Label>
          <Select id="coupon-status-filter" value={filter.status} onChange={(event) => setFilter({ ...filter, status: event.target.value as TCouponFilter['status'] })}>
            <option value="all">All statuses</option>
            {COUPON_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        </div>
        <p className="text-xs text-zinc-500 sm:mr-auto sm:pb-2.5" aria-live="polite">
          {isFetching ? 'Refreshing…' : `${visible.length} of ${coupons.length} coupons`}
        </p>
        {newCouponButton}
      </div>

      {error ? (
        <div role="alert" className="flex items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          <span>{error.message}</span>
          <Button variant="secondary" size="sm" onClick={() => void refetch()}>
            Retry
          </Button>
        </div>
      ) : null}

      {coupons.length === 0 ? (
        <EmptyState
          title="No coupons yet"
          description="Create a percentage or fixed-amount discount code for customers to redeem."
          action={newCouponButton}
        />
      ) : visible.length === 0 ? (
        <EmptyState title="No coupons match" description="Change the search or the status filter." />
      ) : (
        <CouponsTable
          coupons={visible}
          planNames={planNames}
          onEdit={(coupon) => setFormMode({ kind: 'edit', coupon })}
          onDuplicate={duplicate}
          onDeactivate={setDeactivating}
          onActivate={activate}
          onShowHolders={setShowingHolders}
        />
      )}

      <Suspense fallback={null}>
        {formMode ? <CouponFormDialog mode={formMode} plans={plans} onClose={() => setFormMode(null)} onDuplicate={duplicate} /> : null}
        {deactivating ? <DeactivateCouponDialog coupon={deactivating} onClose={() => setDeactivating(null)} /> : null}
        {showingHolders ? <CouponHoldersDialog coupon={showingHolders} onClose={() => setShowingHolders(null)} /> : null}
      </Suspense>
    </div>
  );
}
