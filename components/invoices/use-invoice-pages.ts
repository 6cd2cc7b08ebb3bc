'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { TInvoicePage } from '@/lib/billing/invoices/schemas';
import { invoiceFiltersSearch, type TInvoiceFilters } from './invoice-filters';
import { retryUnlessClientError } from '@/components/ui/request-json';
import { fetchInvoicePage } from './invoice-requests';

export const INVOICES_QUERY_KEY = ['invoices'] as const;

/** What the server component rendered: the first page for the filters in the URL it was given. */
export type TInitialInvoicePage = { search: string; page: TInvoicePage | null };

/**
 * The invoice list for `filters`, page by page along next_cursor (keyset: a later page never
 * repeats or skips a row when invoices are issued meanwhile). The server's first page seeds the
 * cache for its filters; any other filters are fetched from GET /invoices.
 */
export function useInvoicePages(filters: TInvoiceFilters, initial: TInitialInvoicePage) {
  const search = invoiceFiltersSearch(filters);
  return useInfiniteQuery({
    queryKey: [...INVOICES_QUERY_KEY, 'list', search],
    queryFn: ({ pageParam }) => fetchInvoicePage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more ? last.next_cursor : null),
    initialData: search === initial.search && initial.page ? { pages: [initial.page], pageParams: [null] } : undefined,
    retry: retryUnlessClientError,
  });
}

/** Call after a refund: every cached list page and invoice refetches. */
export function useInvalidateInvoices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: INVOICES_QUERY_KEY });
}
