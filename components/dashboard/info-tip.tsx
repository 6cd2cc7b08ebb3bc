'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';

/**
 * An info button whose text shows on hover, focus or click and hides on Escape, blur or leaving
 * (WCAG 1.4.13: dismissable, hoverable, persistent). The text is the button's accessible
 * description whether shown or not, so a screen reader reads it on focus.
 */
export function InfoTip({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <span className="relative inline-flex" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-label={label}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((shown) => !shown)}
        className="flex size-5 items-center justify-center rounded-full text-zinc-400 transition-colors hover:text-zinc-600 focus-visible:text-zinc-700"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
          <path
            fillRule="evenodd"
            d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className="absolute top-full right-0 z-30 mt-1.5 w-64 space-y-1.5 rounded-md bg-zinc-900 px-3 py-2 text-left text-xs leading-relaxed font-normal text-zinc-100 shadow-lg"
      >
        {children}
      </span>
    </span>
  );
}
