import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader title="Invoices" description="Issued invoices, their lines and refund history." />
      <EmptyState
        title="No invoices to show yet"
        description="Invoices will be searchable here, with their lines and refunds, once the invoices API lands."
      />
    </>
  );
}
