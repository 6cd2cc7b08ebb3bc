'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { TAddon } from '@/lib/billing/addons/schemas';

type ConfirmToggleDialogProps = {
  addon: TAddon;
  onConfirm: (addon: TAddon) => Promise<void>;
  onClose: () => void;
};

/** Asks before (de)activating: add-ons are never deleted, so deactivation is the way out of the catalog. Mounted while open. */
export function ConfirmToggleDialog({ addon, onConfirm, onClose }: ConfirmToggleDialogProps) {
  const deactivating = addon.is_active;
  const verb = deactivating ? 'Deactivate' : 'Activate';
  return (
    <ConfirmDialog
      title={`${verb} ${addon.name}?`}
      description={
        deactivating
          ? 'It stays in the catalog with its history and prices, marked inactive. You can activate it again at any time.'
          : 'It will be listed as active again.'
      }
      confirmLabel={verb}
      pendingLabel={`${verb.replace(/e$/, '')}ing…`}
      variant={deactivating ? 'danger' : 'primary'}
      onConfirm={() => onConfirm(addon)}
      onClose={onClose}
    />
  );
}
