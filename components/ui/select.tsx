import type { ComponentProps } from 'react';
import { clsx } from 'clsx';
import { controlClasses } from './input';

/** A native select: keyboard, screen-reader and mobile behaviour come from the browser. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={clsx(controlClasses, 'h-9 pr-8', className)} {...props} />;
}
