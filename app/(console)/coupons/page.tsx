import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Coupons' };

export default async function CouponsPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader
        title="Coupons"
        description="Discount codes, their validity windows and how often they have been redeemed."
      />
      <EmptyState
        title="No coupons to show yet"
        description="Coupons will be listed here, with their status and redemptions, once the coupons API lands."
      />
    </>
  );
}
