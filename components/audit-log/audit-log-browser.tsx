'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ApiProblemError } from '@/components/invoices/invoice-requests';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { AuditFilterBar } from './audit-filter-bar';
import { auditFiltersSearch, hasAuditFilters, readAuditFilters, type TAuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { useAuditPages, type TInitialAuditPage } from './use-audit-pages';

/**
 * Filters live in the URL (shareable, kept by Back), written with history.replaceState, which
 * Next's router picks up in useSearchParams without a server round trip: react-query then reads
 * GET /audit-log for the new filters, and the server renders only the first visit.
 */
function writeFilters(patch: TAuditFilters | null) {
  // Read the URL at write time: a debounced actor search must not undo a filter picked meanwhile.
  const current = patch ? readAuditFilters(new URLSearchParams(window.location.search)) : {};
  const search = auditFiltersSearch({ ...current, ...patch });
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

export function AuditLogBrowser({ initial }: { initial: TInitialAuditPage }) {
  const filters = readAuditFilters(useSearchParams());
  const [resetKey, setResetKey] = useState(0);
  const query = useAuditPages(filters, initial);
  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = hasAuditFilters(filters);

  const clear = () => {
    writeFilters(null);
    setResetKey((key) => key + 1);
  };

  return (
    <>
      <AuditFilterBar filters={filters} onChange={writeFilters} onClear={clear} resetKey={resetKey} />
      {query.isError && !query.data ? (
        <ListError error={query.error} onRetry={() => query.refetch()} onClear={filtered ? clear : undefined} />
      ) : query.isPending ? (
        <>
          <p role="status" className="sr-only">
            Loading audit entries…
          </p>
          <AuditTable entries={[]} loading />
        </>
      ) : entries.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No audit entries match these filters"
            description="Try another actor, entity type, action or date range."
            action={<Button variant="secondary" onClick={clear}>Clear filters</Button>}
          />
        ) : (
          <EmptyState title="No changes recorded yet" description="Every change to plans, coupons, add-ons, invoices and API keys appears here." />
        )
      ) : (
        <>
          <AuditTable entries={entries} busy={query.isFetching && !query.isFetchingNextPage} />
          <div className="mt-4 flex flex-col items-center gap-2">
            <p className="text-xs text-zinc-500" aria-live="polite">
              Showing {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
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
      )}
    </>
  );
}

function ListError({ error, onRetry, onClear }: { error: Error; onRetry: () => void; onClear?: () => void }) {
  const fieldErrors = error instanceof ApiProblemError ? (error.problem.errors ?? []) : [];
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800">
      <p className="font-medium">The audit log could not be loaded: {error.message}</p>
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
