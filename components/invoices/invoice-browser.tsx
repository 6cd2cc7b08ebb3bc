'use client';

import type { TOrganizationChoice } from '@/components/organizations/use-organization-name';
import { ExportCsvButton } from '@/components/ui/export-csv-button';
import { KeysetList } from '@/components/ui/keyset-list';
import { useUrlFilters } from '@/components/ui/use-url-filters';
import { InvoiceFilterBar } from './invoice-filter-bar';
import { invoiceFiltersSearch, invoiceUrlFilters } from './invoice-filters';
import { InvoicesTable } from './invoices-table';
import { useInvoicePages, type TInitialInvoicePage } from './use-invoice-pages';

/** The invoice list: filters in the URL (react-query reads GET /invoices for them), CSV export, Load more. */
export function InvoiceBrowser({ organization, initial }: { organization: TOrganizationChoice | null; initial: TInitialInvoicePage }) {
  const { filters, filtered, write, clear, resetKey } = useUrlFilters(invoiceUrlFilters);
  const query = useInvoicePages(filters, initial);

  return (
    <>
      <InvoiceFilterBar filters={filters} organization={organization} onChange={write} onClear={clear} resetKey={resetKey} />
      <div className="mb-3 flex justify-end">
        <ExportCsvButton path="/api/v1/admin/billing/invoices" query={invoiceFiltersSearch(filters)} size="sm" />
      </div>
      <KeysetList
        query={query}
        noun={{ one: 'invoice', many: 'invoices' }}
        failed="The invoices could not be loaded"
        loadingLabel="Loading invoices…"
        filtered={filtered}
        onClear={clear}
        empty={{
          filtered: { title: 'No invoices match these filters', description: 'Try another status, organization, date range or number.' },
          unfiltered: { title: 'No invoices yet', description: 'Invoices appear here as soon as subscriptions are billed.' },
        }}
        table={(invoices, state) => <InvoicesTable invoices={invoices} {...state} />}
      />
    </>
  );
}
