import type { ComponentProps } from 'react';
import { clsx } from 'clsx';
import { controlClasses } from './input';

export function Textarea({ className, rows = 3, ...props }: ComponentProps<'textarea'>) {
  return <textarea rows={rows} className={clsx(controlClasses, 'py-2', className)} {...props} />;
}
