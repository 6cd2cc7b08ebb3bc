'use client';

import { useRef, useState } from 'react';

/**
 * A button that opens a dialog loaded on demand (lazyWithPreload): it starts the download on
 * pointer-enter and focus, opens on click, and gets the focus back when the dialog closes, as
 * Radix's own DialogTrigger would (pass `returnFocus` to DialogContent's onCloseAutoFocus).
 */
export function useDialogOpener(dialog: { preloadHandlers: { onPointerEnter: () => void; onFocus: () => void } }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return {
    open,
    close: () => setOpen(false),
    buttonProps: {
      ref: button,
      onClick: () => setOpen(true),
      ...dialog.preloadHandlers,
      'aria-haspopup': 'dialog' as const,
      'aria-expanded': open,
    },
    returnFocus: (event: Event) => {
      event.preventDefault();
      button.current?.focus();
    },
  };
}
