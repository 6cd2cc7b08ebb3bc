'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TApiKey } from '@/lib/auth/api-keys/schemas';
import { maskedKey } from './api-key-format';

type RevokeApiKeyDialogProps = {
  apiKey: TApiKey;
  onConfirm: (key: TApiKey) => Promise<void>;
  onClose: () => void;
};

/** Asks before revoking: it takes effect on the key's next request and cannot be undone. Mounted while open. */
export function RevokeApiKeyDialog({ apiKey, onConfirm, onClose }: RevokeApiKeyDialogProps) {
  const [pending, setPending] = useState(false);

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm(apiKey);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>Revoke “{apiKey.name}”?</DialogTitle>
          <DialogDescription>
            Services using <code className="font-mono text-zinc-700">{maskedKey(apiKey.prefix)}</code> get 401 on their next
            request. A revoked key cannot be restored: issue a new one instead.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={pending}>
            {pending ? 'Revoking…' : 'Revoke key'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
