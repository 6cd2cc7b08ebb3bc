'use client';

import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { requestJson, retryUnlessClientError } from './request-json';

type TKeysetPage = { has_more: boolean; next_cursor: string | null };

/** What a list page's server component rendered: the first page for the filters (as a query string) in the URL it was given. */
export type TInitialKeysetPage<P> = { search: string; page: P | null; renderedAt?: number };

type TOptions<P> = {
  /** The list's query key; the filters' query string is appended. */
  queryKey: QueryKey;
  /** The public REST GET endpoint, e.g. `/api/v1/admin/billing/invoices`. */
  path: string;
  /** The filters as GET's query string (the same names the endpoint takes). */
  search: string;
  pageSize: number;
  initial: TInitialKeysetPage<P>;
};

/**
 * A list page by page along next_cursor (keyset: a later page never repeats or skips a row when
 * rows are added meanwhile), read from the public REST GET endpoint with the session cookie. The
 * server's first page seeds the cache for its filters; any other filters are fetched. With
 * `initial.renderedAt`, coming back to the page refetches pages cached before the server rendered
 * (a change just made is listed), and a fresh server page is not asked for twice.
 */
export function useKeysetPages<P extends TKeysetPage>({ queryKey, path, search, pageSize, initial }: TOptions<P>) {
  return useInfiniteQuery({
    queryKey: [...queryKey, search],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      params.set('limit', String(pageSize));
      if (pageParam) params.set('starting_after', pageParam);
      return requestJson(`${path}?${params}`).then((body) => body as P);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more ? last.next_cursor : null),
    initialData: search === initial.search && initial.page ? { pages: [initial.page], pageParams: [null] } : undefined,
    ...(initial.renderedAt === undefined ? {} : { refetchOnMount: (query: { state: { dataUpdatedAt: number } }) => query.state.dataUpdatedAt < initial.renderedAt! }),
    retry: retryUnlessClientError,
  });
}
