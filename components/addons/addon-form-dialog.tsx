'use client';

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TAddon } from '@/lib/billing/addons/schemas';
import { CreateAddonForm, EditAddonForm } from './addon-form';

export type TAddonEditing = { mode: 'create' } | { mode: 'edit'; addon: TAddon };

type AddonFormDialogProps = {
  editing: TAddonEditing;
  onSaved: (addon: TAddon, verb: 'created' | 'saved') => void;
  onClose: () => void;
};

/** Create or edit an add-on. Mounted while open, loaded on demand (lazy-addon-dialogs.tsx). */
export function AddonFormDialog({ editing, onSaved, onClose }: AddonFormDialogProps) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{editing.mode === 'edit' ? `Edit ${editing.addon.name}` : 'New add-on'}</DialogTitle>
          <DialogDescription>Prices are in rupiah (whole numbers), per month and per year.</DialogDescription>
        </DialogHeader>
        {editing.mode === 'create' ? (
          <CreateAddonForm onSaved={(addon) => onSaved(addon, 'created')} onCancel={onClose} />
        ) : (
          <EditAddonForm key={editing.addon.id} addon={editing.addon} onSaved={(addon) => onSaved(addon, 'saved')} onCancel={onClose} />
        )}
      </DialogContent>
    </Dialog>
  );
}
