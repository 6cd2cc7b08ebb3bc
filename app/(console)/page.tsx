import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireSuperAdminPage();
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${actor.label}.`} />
      <EmptyState
        title="No analytics to show yet"
        description="MRR, ARR, subscriptions, churn, revenue and refunds per currency will be shown here once the analytics API lands."
      />
    </>
  );
}
