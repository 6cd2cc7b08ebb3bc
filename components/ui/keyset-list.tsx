'use client';

import type { ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button } from './button';
import { EmptyState } from './empty-state';
import { ApiProblemError } from './request-json';

type TPage<T> = { data: T[] };

interface TKeysetListProps<T> {
  query: UseInfiniteQueryResult<InfiniteData<TPage<T>>, Error>;
  /** The rows' name, singular and plural: "Showing 3 invoices". */
  noun: { one: string; many: string };
  /** The first words of the error shown when the first page fails: "The invoices could not be loaded". */
  failed: string;
  /** What the screen reader hears while the first page loads. */
  loadingLabel: string;
  filtered: boolean;
  onClear: () => void;
  /** The empty states with and without filters. */
  empty: { filtered: { title: string; description: string }; unfiltered: { title: string; description: string } };
  /** The table: skeleton rows while `loading`, dimmed while `busy` refetching. */
  table: (rows: T[], state: { loading?: boolean; busy?: boolean }) => ReactNode;
}

/**
 * The body of a keyset-paginated list page (invoices, audit log): an error with retry, a loading
 * skeleton, the empty states, or the rows with "Load more" along next_cursor.
 */
export function KeysetList<T>({ query, noun, failed, loadingLabel, filtered, onClear, empty, table }: TKeysetListProps<T>) {
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  if (query.isError && !query.data) {
    return <ListError failed={failed} error={query.error} onRetry={() => query.refetch()} onClear={filtered ? onClear : undefined} />;
  }
  if (query.isPending) {
    return (
      <>
        <p role="status" className="sr-only">
          {loadingLabel}
        </p>
        {table([], { loading: true })}
      </>
    );
  }
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState
        title={empty.filtered.title}
        description={empty.filtered.description}
        action={<Button variant="secondary" onClick={onClear}>Clear filters</Button>}
      />
    ) : (
      <EmptyState title={empty.unfiltered.title} description={empty.unfiltered.description} />
    );
  }
  return (
    <>
      {table(rows, { busy: query.isFetching && !query.isFetchingNextPage })}
      <div className="mt-4 flex flex-col items-center gap-2">
        <p className="text-xs text-zinc-500" aria-live="polite">
          Showing {rows.length} {rows.length === 1 ? noun.one : noun.many}
          {query.hasNextPage ? ', newest first' : ' (all that match)'}
        </p>
        {query.hasNextPage ? (
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        ) : null}
        {query.isFetchNextPageError ? (
          <p role="alert" className="text-sm text-red-600">
            {query.error?.message}
          </p>
        ) : null}
      </div>
    </>
  );
}

function ListError({ failed, error, onRetry, onClear }: { failed: string; error: Error; onRetry: () => void; onClear?: () => void }) {
  const fieldErrors = error instanceof ApiProblemError ? (error.problem.errors ?? []) : [];
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800">
      <p className="font-medium">
        {failed}: {error.message}
      </p>
      {fieldErrors.length > 1 ? (
        <ul className="mt-2 list-disc pl-5">
          {fieldErrors.map((fieldError) => (
            <li key={`${fieldError.path}:${fieldError.message}`}>
              {fieldError.path}: {fieldError.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3 flex gap-2">
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
        {onClear ? (
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
