import { urlFilters } from '@/components/ui/url-filters';

/** The invoice browser's filters as they live in the URL: the same names as GET /invoices takes. */
export const INVOICE_FILTER_KEYS = ['status', 'organization_id', 'from', 'to', 'q'] as const;
export type TInvoiceFilterKey = (typeof INVOICE_FILTER_KEYS)[number];
export type TInvoiceFilters = Partial<Record<TInvoiceFilterKey, string>>;

export const invoiceUrlFilters = urlFilters(INVOICE_FILTER_KEYS);
export const { read: readInvoiceFilters, search: invoiceFiltersSearch, has: hasInvoiceFilters } = invoiceUrlFilters;
