'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TAddon } from '@/lib/billing/addons/schemas';

type ConfirmToggleDialogProps = {
  addon: TAddon;
  onConfirm: (addon: TAddon) => Promise<void>;
  onClose: () => void;
};

/** Asks before (de)activating: add-ons are never deleted, so deactivation is the way out of the catalog. Mounted while open. */
export function ConfirmToggleDialog({ addon, onConfirm, onClose }: ConfirmToggleDialogProps) {
  const [pending, setPending] = useState(false);
  const deactivating = addon.is_active;
  const verb = deactivating ? 'Deactivate' : 'Activate';

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm(addon);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>
            {verb} {addon.name}?
          </DialogTitle>
          <DialogDescription>
            {deactivating
              ? 'It stays in the catalog with its history and prices, marked inactive. You can activate it again at any time.'
              : 'It will be listed as active again.'}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant={deactivating ? 'danger' : 'primary'} onClick={confirm} disabled={pending}>
            {pending ? `${verb.replace(/e$/, '')}ing…` : verb}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
