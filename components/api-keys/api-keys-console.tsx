'use client';

import { useRouter } from 'next/navigation';
import { Suspense, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { revokeApiKeyAction } from '@/lib/actions/api-keys';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import type { TApiKey } from '@/lib/auth/api-keys/schemas';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyDialog, RevokeApiKeyDialog } from './lazy-api-key-dialogs';

/** The API keys page's interactive part: the list, the create dialog (secret shown once) and revocation. */
export function ApiKeysConsole({ apiKeys, now }: { apiKeys: TApiKey[]; now: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TApiKey | null>(null);
  // The page loads the list on the server; refreshing re-runs it with the change included.
  const refresh = () => startRefresh(() => router.refresh());
  const active = apiKeys.filter((key) => !key.revoked_at).length;

  const revoke = async (key: TApiKey) => {
    const result = await revokeApiKeyAction(key.id);
    if (!result.ok) {
      toast.error(`Could not revoke “${key.name}”: ${result.message}`);
      return;
    }
    setRevoking(null);
    toast.success(`API key “${key.name}” revoked. Requests with it are refused from now on.`);
    refresh();
  };

  const createButton = (
    <Button onClick={() => setCreating(true)} {...CreateApiKeyDialog.preloadHandlers}>
      Create API key
    </Button>
  );
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other services call the billing API, sent as <code className="font-mono text-zinc-700">Authorization: Bearer &lt;key&gt;</code>.
            Only super-admin keys are allowed in.
          </>
        }
        actions={createButton}
      />
      {apiKeys.length === 0 ? (
        <EmptyState
          title="No API keys yet"
          description="Create a key for each service that calls the billing API, so each can be revoked on its own."
          action={createButton}
        />
      ) : (
        <>
          <p role="status" className="mb-3 text-sm text-zinc-500">
            {refreshing ? 'Refreshing…' : `${active} active, ${apiKeys.length - active} revoked`}
          </p>
          <ApiKeysTable apiKeys={apiKeys} now={now} onRevoke={setRevoking} />
        </>
      )}
      <Suspense fallback={null}>
        {creating ? <CreateApiKeyDialog onClose={() => setCreating(false)} onCreated={refresh} /> : null}
        {revoking ? <RevokeApiKeyDialog apiKey={revoking} onConfirm={revoke} onClose={() => setRevoking(null)} /> : null}
      </Suspense>
    </>
  );
}
