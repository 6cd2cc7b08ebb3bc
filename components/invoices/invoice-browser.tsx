'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { TOrganizationChoice } from '@/components/organizations/use-organization-name';
import { InvoiceFilterBar } from './invoice-filter-bar';
import { hasInvoiceFilters, invoiceFiltersSearch, readInvoiceFilters, type TInvoiceFilters } from './invoice-filters';
import { ApiProblemError } from './invoice-requests';
import { InvoicesTable } from './invoices-table';
import { useInvoicePages, type TInitialInvoicePage } from './use-invoice-pages';
import { ExportCsvButton } from '@/components/ui/export-csv-button';

/**
 * Filters live in the URL (shareable, kept by Back). They are written with history.replaceState,
 * which Next's router picks up in useSearchParams without a server round trip: react-query then
 * reads GET /invoices for the new filters, and the server renders only the first visit.
 */
function writeFilters(patch: TInvoiceFilters | null) {
  // Read the URL at write time: a debounced search must not undo a filter picked meanwhile.
  const current = patch ? readInvoiceFilters(new URLSearchParams(window.location.search)) : {};
  const search = invoiceFiltersSearch({ ...current, ...patch });
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

export function InvoiceBrowser({ organization, initial }: { organization: TOrganizationChoice | null; initial: TInitialInvoicePage }) {
  const filters = readInvoiceFilters(useSearchParams());
  const [resetKey, setResetKey] = useState(0);
  const query = useInvoicePages(filters, initial);
  const invoices = query.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = hasInvoiceFilters(filters);

  const clear = () => {
    writeFilters(null);
    setResetKey((key) => key + 1);
  };

  return (
    <>
      <InvoiceFilterBar filters={filters} organization={organization} onChange={writeFilters} onClear={clear} resetKey={resetKey} />
      <div className="mb-3 flex justify-end">
        <ExportCsvButton path="/api/v1/admin/billing/invoices" query={invoiceFiltersSearch(filters)} size="sm" />
      </div>
      {query.isError && !query.data ? (
        <ListError error={query.error} onRetry={() => query.refetch()} onClear={filtered ? clear : undefined} />
      ) : query.isPending ? (
        <>
          <p role="status" className="sr-only">
            Loading invoices…
          </p>
          <InvoicesTable invoices={[]} loading />
        </>
      ) : invoices.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No invoices match these filters"
            description="Try another status, organization, date range or number."
            action={<Button variant="secondary" onClick={clear}>Clear filters</Button>}
          />
        ) : (
          <EmptyState title="No invoices yet" description="Invoices appear here as soon as subscriptions are billed." />
        )
      ) : (
        <>
          <InvoicesTable invoices={invoices} busy={query.isFetching && !query.isFetchingNextPage} />
          <div className="mt-4 flex flex-col items-center gap-2">
            <p className="text-xs text-zinc-500" aria-live="polite">
              Showing {invoices.length} {invoices.length === 1 ? 'invoice' : 'invoices'}
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
      <p className="font-medium">The invoices could not be loaded: {error.message}</p>
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
