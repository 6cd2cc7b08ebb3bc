import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/** Shared by input, select and textarea so form controls line up. */
export const controlClasses =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm ' +
  'placeholder:text-zinc-400 focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 ' +
  'focus-visible:outline-brand-500/40 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 ' +
  'aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-500/40';

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={clsx(controlClasses, 'h-9', className)} {...props} />;
}
