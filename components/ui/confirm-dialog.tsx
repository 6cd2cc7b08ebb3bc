'use client';

import { useState, type ReactNode } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from './dialog';
import { DialogActions } from './dialog-actions';

interface TConfirmDialogProps {
  title: ReactNode;
  description: ReactNode;
  /** The confirming button, and what it says while `onConfirm` runs. */
  confirmLabel: string;
  pendingLabel: string;
  variant: 'danger' | 'primary';
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** What the change needs besides a yes (a reason, say), between the question and the buttons. */
  children?: ReactNode;
  onCloseAutoFocus?: (event: Event) => void;
}

/**
 * Asks before a change (deactivate, revoke, void): an alert dialog, mounted while open, that cannot be
 * dismissed while the change is on its way. `children` holds what the change needs besides a yes.
 */
export function ConfirmDialog({ title, description, confirmLabel, pendingLabel, variant, onConfirm, onClose, children, onCloseAutoFocus }: TConfirmDialogProps) {
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
      <DialogContent role="alertdialog" onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
        <DialogActions onBack={onClose} actionLabel={confirmLabel} pendingLabel={pendingLabel} onAction={confirm} variant={variant} pending={pending} />
      </DialogContent>
    </Dialog>
  );
}
