import type { Metadata } from 'next';
import { ApiKeysConsole } from '@/components/api-keys/api-keys-console';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listApiKeys } from '@/lib/auth/api-keys/list-api-keys';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await requireSuperAdminPage();
  // Same operation as GET /api-keys; mutations call router.refresh(), which re-runs this.
  // `now` anchors "5 minutes ago" so the server and browser render the same text.
  return <ApiKeysConsole apiKeys={await listApiKeys()} now={new Date().toISOString()} />;
}
