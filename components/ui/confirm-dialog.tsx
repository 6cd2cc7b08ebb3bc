'use client';

import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from './dialog';

interface TConfirmDialogProps {
  title: ReactNode;
  description: ReactNode;
  /** The confirming button, and what it says while `onConfirm` runs. */
  confirmLabel: string;
  pendingLabel: string;
  variant: 'danger' | 'primary';
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * Asks before a change (deactivate, revoke): an alert dialog, mounted while open, that cannot be
 * dismissed while the change is on its way.
 */
export function ConfirmDialog({ title, description, confirmLabel, pendingLabel, variant, onConfirm, onClose }: TConfirmDialogProps) {
  const [pending, setPending] = useState(false);

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant={variant} onClick={confirm} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
