import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Plans' };

export default async function PlansPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader
        title="Plans"
        description="The billing plans tenants subscribe to: prices, limits and features."
      />
      <EmptyState
        title="No plans to show yet"
        description="Plans will be listed here once the catalog API lands. Creating, editing and deactivating them will be done from this page."
      />
    </>
  );
}
