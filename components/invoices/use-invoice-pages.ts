'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useKeysetPages, type TInitialKeysetPage } from '@/components/ui/use-keyset-pages';
import type { TInvoicePage } from '@/lib/billing/invoices/schemas';
import { invoiceFiltersSearch, type TInvoiceFilters } from './invoice-filters';
import { INVOICE_PAGE_SIZE } from './invoice-requests';

export const INVOICES_QUERY_KEY = ['invoices'] as const;

/** What the server component rendered: the first page for the filters in the URL it was given. */
export type TInitialInvoicePage = TInitialKeysetPage<TInvoicePage>;

/** The invoice list for `filters` (GET /invoices), page by page along next_cursor. */
export function useInvoicePages(filters: TInvoiceFilters, initial: TInitialInvoicePage) {
  return useKeysetPages({ queryKey: [...INVOICES_QUERY_KEY, 'list'], path: '/api/v1/admin/billing/invoices', search: invoiceFiltersSearch(filters), pageSize: INVOICE_PAGE_SIZE, initial });
}

/** Call after a refund: every cached list page and invoice refetches. */
export function useInvalidateInvoices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: INVOICES_QUERY_KEY });
}
