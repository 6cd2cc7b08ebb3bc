import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/** A loading placeholder; hidden from assistive technology, which should get a status text instead. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return <div aria-hidden="true" className={clsx('animate-pulse rounded-md bg-zinc-200/80', className)} {...props} />;
}
