import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys that let other services call the billing API as a super-admin."
      />
      <EmptyState
        title="No API keys to show yet"
        description="API keys will be listed here once key management lands. A new key's secret will be shown once, at creation."
      />
    </>
  );
}
