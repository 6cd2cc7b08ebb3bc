import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Add-ons' };

export default async function AddonsPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader title="Add-ons" description="Extras a subscription can add on top of its plan." />
      <EmptyState
        title="No add-ons to show yet"
        description="Add-ons will be listed here once the add-ons API lands. Creating and editing them will be done from this page."
      />
    </>
  );
}
