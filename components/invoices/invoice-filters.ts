/** The invoice browser's filters as they live in the URL: the same names as GET /invoices takes. */
export const INVOICE_FILTER_KEYS = ['status', 'organization_id', 'from', 'to', 'q'] as const;
export type TInvoiceFilterKey = (typeof INVOICE_FILTER_KEYS)[number];
export type TInvoiceFilters = Partial<Record<TInvoiceFilterKey, string>>;

type ParamReader = { get(name: string): string | null };

/** The filters present in a query string; empty values are no filter. */
export function readInvoiceFilters(params: ParamReader): TInvoiceFilters {
  const filters: TInvoiceFilters = {};
  for (const key of INVOICE_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Next hands server pages `searchParams` as a record; a repeated key counts by its first value. */
export function recordParams(record: Record<string, string | string[] | undefined>): ParamReader {
  return { get: (name) => [record[name]].flat()[0] ?? null };
}

/** A canonical query string (fixed key order), so equal filters make equal cache keys and URLs. */
export function invoiceFiltersSearch(filters: TInvoiceFilters): string {
  const params = new URLSearchParams();
  for (const key of INVOICE_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function hasInvoiceFilters(filters: TInvoiceFilters): boolean {
  return INVOICE_FILTER_KEYS.some((key) => Boolean(filters[key]));
}
