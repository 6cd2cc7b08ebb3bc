import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'API docs' };

export default async function ApiDocsPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader
        title="API docs"
        description="The REST API under /api/v1/admin/billing, rendered from its OpenAPI document."
      />
      <EmptyState
        title="API reference not available yet"
        description="The reference will be rendered here from /api/v1/admin/billing/openapi.json once the OpenAPI document lands."
      />
    </>
  );
}
