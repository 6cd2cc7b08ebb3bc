'use client';

import { Button, type ButtonVariant } from './button';
import { DialogClose, DialogFooter } from './dialog';

interface TDialogActionsProps {
  /** The way out: "Cancel" closes the dialog; give `onBack` to go back a step instead ("Back"). */
  backLabel?: string;
  onBack?: () => void;
  /** The action: submits the dialog's form, or runs `onAction` when given. */
  actionLabel: string;
  pendingLabel: string;
  onAction?: () => void;
  variant?: ButtonVariant;
  /** While the action runs both buttons are disabled, and the action says `pendingLabel`. */
  pending?: boolean;
  disabled?: boolean;
}

/** A dialog's footer: the way out on the left, the action on the right, both held while it runs. */
export function DialogActions({ backLabel = 'Cancel', onBack, actionLabel, pendingLabel, onAction, variant = 'primary', pending = false, disabled = false }: TDialogActionsProps) {
  const back = (
    <Button variant="secondary" onClick={onBack} disabled={pending}>
      {backLabel}
    </Button>
  );
  return (
    <DialogFooter>
      {onBack ? back : <DialogClose asChild>{back}</DialogClose>}
      <Button type={onAction ? 'button' : 'submit'} variant={variant} onClick={onAction} disabled={pending || disabled} aria-busy={pending || undefined}>
        {pending ? pendingLabel : actionLabel}
      </Button>
    </DialogFooter>
  );
}
