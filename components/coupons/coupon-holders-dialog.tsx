'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { CustomersTable } from '@/components/customers/customers-table';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { requestJson, retryUnlessClientError } from '@/components/ui/request-json';
import { Skeleton } from '@/components/ui/skeleton';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import type { TOrganizationPage } from '@/lib/billing/organizations/schemas';

/** Enough to see who holds a coupon; the Customers page, filtered by it, has them all. */
export const HOLDERS_SHOWN = 10;

/** The customers whose subscription holds a coupon (GET /organizations?coupon_id=…), each linked to its page. Mounted while open. */
export function CouponHoldersDialog({ coupon, onClose }: { coupon: TCoupon; onClose: () => void }) {
  const holders = useQuery({
    queryKey: ['customers', 'coupon-holders', coupon.id],
    queryFn: () => requestJson(`/api/v1/admin/billing/organizations?coupon_id=${coupon.id}&limit=${HOLDERS_SHOWN}`).then((body) => body as TOrganizationPage),
    retry: retryUnlessClientError,
  });
  const allHref = `/customers?coupon_id=${coupon.id}`;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Customers holding {coupon.code}</DialogTitle>
          <DialogDescription>
            A use is counted when the coupon is applied to a subscription; these subscriptions hold it now.
          </DialogDescription>
        </DialogHeader>
        {holders.isPending ? (
          <div aria-busy="true" aria-label="Loading holders" className="space-y-2">
            {Array.from({ length: 3 }, (_, index) => <Skeleton key={index} className="h-8" />)}
          </div>
        ) : holders.isError ? (
          <p role="alert" className="text-sm text-red-700">The holders could not be loaded: {holders.error.message}</p>
        ) : holders.data.data.length === 0 ? (
          <p className="text-sm text-zinc-500">No subscription holds {coupon.code} now (its uses stay counted after a coupon is removed or a subscription ends).</p>
        ) : (
          <CustomersTable rows={holders.data.data} label={`Customers holding ${coupon.code}`} />
        )}
        {holders.data?.has_more ? (
          <Link href={allHref} className="text-sm text-brand-700 hover:underline">All holders on the Customers page</Link>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
