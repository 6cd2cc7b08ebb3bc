'use client';

import { Field } from '@/components/ui/field';
import { KeysetList } from '@/components/ui/keyset-list';
import { SearchField } from '@/components/ui/search-field';
import { Select } from '@/components/ui/select';
import { useKeysetPages, type TInitialKeysetPage } from '@/components/ui/use-keyset-pages';
import { useUrlFilters } from '@/components/ui/use-url-filters';
import type { TOrganizationPage } from '@/lib/billing/organizations/schemas';
import { CUSTOMER_PAGE_SIZE, customerFiltersSearch, customerUrlFilters } from './customer-filters';
import { CustomersTable } from './customers-table';

type TPlanOption = { id: string; name: string };

/** Customers: search as you type, filters in the URL, keyset "Load more" (GET /organizations). */
export function CustomerBrowser({ plans, initial }: { plans: TPlanOption[]; initial: TInitialKeysetPage<TOrganizationPage> }) {
  const { filters, filtered, write, clear, resetKey } = useUrlFilters(customerUrlFilters);
  const query = useKeysetPages({ queryKey: ['customers', 'list'], path: '/api/v1/admin/billing/organizations', search: customerFiltersSearch(filters), pageSize: CUSTOMER_PAGE_SIZE, initial });

  return (
    <>
      <div key={resetKey} className="mb-4 grid gap-3 sm:grid-cols-4">
        <SearchField label="Search" placeholder="Name or id" maxLength={200} value={filters.search ?? ''} onSearch={(text) => write({ search: text })} />
        <Field label="Plan">
          {(control) => (
            <Select {...control} value={filters.plan_id ?? ''} onChange={(event) => write({ plan_id: event.target.value })}>
              <option value="">Any plan</option>
              {plans.map((plan) => <option key={plan.id} value={plan.id}>{plan.name}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Status">
          {(control) => (
            <Select {...control} value={filters.status ?? ''} onChange={(event) => write({ status: event.target.value })}>
              <option value="">Any status</option>
              <option value="active">Active</option>
              <option value="past_due">Past due</option>
              <option value="cancelled">Cancelled</option>
              <option value="none">Never subscribed</option>
            </Select>
          )}
        </Field>
        <Field label="Coupon">
          {(control) => (
            <Select {...control} value={filters.has_coupon ?? ''} onChange={(event) => write({ has_coupon: event.target.value })}>
              <option value="">With or without</option>
              <option value="true">Has a coupon</option>
              <option value="false">No coupon</option>
            </Select>
          )}
        </Field>
      </div>
      <KeysetList
        query={query}
        noun={{ one: 'customer', many: 'customers' }}
        failed="The customers could not be loaded"
        loadingLabel="Loading customers…"
        filtered={filtered}
        onClear={clear}
        empty={{
          filtered: { title: 'No customers match these filters', description: 'Try another name, plan or status.' },
          unfiltered: { title: 'No customers yet', description: 'Create an organization to subscribe it to a plan.' },
        }}
        table={(rows, state) => <CustomersTable rows={rows} busy={state.busy} />}
      />
    </>
  );
}
