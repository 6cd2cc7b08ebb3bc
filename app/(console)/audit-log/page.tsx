import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditLogPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to plans, coupons, add-ons and refunds: who, when, before and after."
      />
      <EmptyState
        title="No audit entries to show yet"
        description="Changes made through the console or the API will be listed here once the audit log view lands."
      />
    </>
  );
}
