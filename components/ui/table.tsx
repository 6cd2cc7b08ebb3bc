import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/**
 * A bordered table. Pass `numeric` to TH/TD for right-aligned amounts (which never wrap). Headers
 * and text cells may wrap, and row actions (RowActions) flow onto a second line, so a table fits
 * the console's width at 1280 px with every column visible; the scroll box is a last resort.
 */
export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
      <table className={clsx('w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={clsx('border-b border-zinc-200 bg-zinc-50', className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={clsx('divide-y divide-zinc-100', className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={clsx('hover:bg-zinc-50/60', className)} {...props} />;
}

type CellProps = { numeric?: boolean };

export function TH({ numeric, className, scope = 'col', ...props }: ComponentProps<'th'> & CellProps) {
  return (
    <th
      scope={scope}
      className={clsx(
        'px-4 py-2.5 align-bottom text-xs font-medium tracking-wide text-zinc-500 uppercase',
        numeric && 'text-right',
        className,
      )}
      {...props}
    />
  );
}

export function TD({ numeric, className, ...props }: ComponentProps<'td'> & CellProps) {
  return (
    <td
      className={clsx('px-4 py-3 align-middle text-zinc-700', numeric && 'text-right whitespace-nowrap tabular-nums', className)}
      {...props}
    />
  );
}

/** The last cell of a row: its buttons side by side when there is room, else wrapped, right-aligned. */
export function RowActions({ className, children, ...props }: ComponentProps<'td'>) {
  return (
    <td className={clsx('px-4 py-2 align-middle', className)} {...props}>
      <div className="flex flex-wrap justify-end gap-x-1 gap-y-0.5">{children}</div>
    </td>
  );
}
