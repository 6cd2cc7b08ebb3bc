'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { retryUnlessClientError } from '@/components/ui/request-json';
import type { TAuditPage } from '@/lib/audit/schemas';
import { auditFiltersSearch, type TAuditFilters } from './audit-filters';
import { fetchAuditPage } from './audit-requests';

/** What the server component rendered: the first page for the filters in the URL it was given, and when. */
export type TInitialAuditPage = { search: string; page: TAuditPage | null; renderedAt: number };

/**
 * The audit entries for `filters`, page by page along next_cursor (keyset: a later page never
 * repeats or skips an entry while changes keep being audited). The server's first page seeds
 * the cache for its filters; any other filters are fetched from GET /audit-log.
 */
export function useAuditPages(filters: TAuditFilters, initial: TInitialAuditPage) {
  const search = auditFiltersSearch(filters);
  return useInfiniteQuery({
    queryKey: ['audit-log', search],
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more ? last.next_cursor : null),
    initialData: search === initial.search && initial.page ? { pages: [initial.page], pageParams: [null] } : undefined,
    // Coming back to the page after making a change: pages cached before the server rendered are
    // refetched, so the change just made is listed; a fresh server page is not asked for twice.
    refetchOnMount: (query) => query.state.dataUpdatedAt < initial.renderedAt,
    retry: retryUnlessClientError,
  });
}
