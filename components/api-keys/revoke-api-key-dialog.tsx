'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { TApiKey } from '@/lib/auth/api-keys/schemas';
import { maskedKey } from './api-key-format';

type RevokeApiKeyDialogProps = {
  apiKey: TApiKey;
  onConfirm: (key: TApiKey) => Promise<void>;
  onClose: () => void;
};

/** Asks before revoking: it takes effect on the key's next request and cannot be undone. Mounted while open. */
export function RevokeApiKeyDialog({ apiKey, onConfirm, onClose }: RevokeApiKeyDialogProps) {
  return (
    <ConfirmDialog
      title={`Revoke “${apiKey.name}”?`}
      description={
        <>
          Services using <code className="font-mono text-zinc-700">{maskedKey(apiKey.prefix)}</code> get 401 on their next
          request. A revoked key cannot be restored: issue a new one instead.
        </>
      }
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      variant="danger"
      onConfirm={() => onConfirm(apiKey)}
      onClose={onClose}
    />
  );
}
