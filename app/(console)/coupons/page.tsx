import type { Metadata } from 'next';
import { CouponsManager } from '@/components/coupons/coupons-manager';
import { toCouponPlanOption } from '@/components/coupons/plan-option';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listCoupons } from '@/lib/billing/coupons/list-coupons';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { ExportCsvButton } from '@/components/ui/export-csv-button';

export const metadata: Metadata = { title: 'Coupons' };

export default async function CouponsPage() {
  await requireSuperAdminPage();
  // First paint from the operations themselves; the client then refetches the REST list after mutations.
  const [coupons, plans] = await Promise.all([listCoupons(), listPlans()]);
  return (
    <>
      <PageHeader
        title="Coupons"
        description="Discount codes, their validity windows and how often they have been redeemed."
        actions={<ExportCsvButton path="/api/v1/admin/billing/coupons" />}
      />
      <CouponsManager initialCoupons={coupons} plans={plans.map(toCouponPlanOption)} />
    </>
  );
}
