import type { Metadata } from 'next';
import { ApiReference } from '@/components/docs/api-reference';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { API_BASE_PATH, OPENAPI_DOCUMENT_PATH } from '@/lib/openapi/paths';

export const metadata: Metadata = { title: 'API docs' };

export default async function ApiDocsPage() {
  await requireSuperAdminPage();
  return (
    <>
      <PageHeader
        title="API docs"
        description={
          <>
            The REST API under <code>{API_BASE_PATH}</code>, rendered from its OpenAPI 3.1 document. Call it with an API key
            (<code>Authorization: Bearer bk_…</code>) from the API keys page; requests tried here use your session.
          </>
        }
        actions={
          <a href={OPENAPI_DOCUMENT_PATH} className={buttonClasses({ variant: 'secondary' })}>
            openapi.json
          </a>
        }
      />
      <ApiReference url={OPENAPI_DOCUMENT_PATH} />
    </>
  );
}
