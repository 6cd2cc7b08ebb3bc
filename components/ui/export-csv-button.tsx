import { buttonClasses, type ButtonSize, type ButtonVariant } from './button';

type ExportCsvButtonProps = {
  /** A list endpoint that negotiates CSV, e.g. `/api/v1/admin/billing/invoices`. */
  path: string;
  /** The table's current filters, as the endpoint takes them (a query string or a record; empty values are dropped). */
  query?: string | Record<string, string | null | undefined>;
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

// Paging belongs to the JSON view: the export is every row matching the filters.
const PAGING_PARAMS = ['limit', 'starting_after'];

/**
 * "Export CSV": a plain download link, no JavaScript needed. A link cannot send
 * `Accept: text/csv`, so it asks with `?format=csv`, which the endpoint's negotiation also
 * accepts; the session cookie authenticates it and Content-Disposition names the file.
 */
export function ExportCsvButton({ path, query, label = 'Export CSV', variant = 'secondary', size = 'md', className }: ExportCsvButtonProps) {
  return (
    <a href={exportCsvHref(path, query)} download className={buttonClasses({ variant, size, className })}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M8 2v8m0 0L5 7m3 3 3-3M3 12.5h10" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {label}
    </a>
  );
}

export function exportCsvHref(path: string, query?: ExportCsvButtonProps['query']): string {
  const params = new URLSearchParams(typeof query === 'string' ? query.replace(/^\?/, '') : undefined);
  if (query && typeof query !== 'string') {
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  }
  for (const key of [...PAGING_PARAMS, 'format']) params.delete(key);
  for (const [key, value] of [...params.entries()]) if (!value) params.delete(key);
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}
