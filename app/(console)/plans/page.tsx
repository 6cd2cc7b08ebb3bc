import type { Metadata } from 'next';
import { CreatePlanButton } from '@/components/plans/lazy-plan-dialogs';
import { PlansTable } from '@/components/plans/plans-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { ExportCsvButton } from '@/components/ui/export-csv-button';

export const metadata: Metadata = { title: 'Plans' };

export default async function PlansPage() {
  await requireSuperAdminPage();
  // First paint from the server; the table then keeps it fresh through GET /api/v1/admin/billing/plans.
  const plans = await listPlans();
  return (
    <>
      <PageHeader
        title="Plans"
        description="The billing plans tenants subscribe to: prices, limits and features. Plans are deactivated, never deleted."
        actions={
          <>
            <ExportCsvButton path="/api/v1/admin/billing/plans" />
            <CreatePlanButton />
          </>
        }
      />
      <PlansTable initialPlans={plans} />
    </>
  );
}
