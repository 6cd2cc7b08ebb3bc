'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SearchField } from '@/components/ui/search-field';
import { Select } from '@/components/ui/select';
import { OrganizationPicker } from '@/components/organizations/organization-picker';
import type { TOrganizationChoice } from '@/components/organizations/use-organization-name';
import { INVOICE_STATUSES } from '@/lib/billing/invoices/invoice-statuses';
import { hasInvoiceFilters, type TInvoiceFilters } from './invoice-filters';
import { INVOICE_STATUS_LABELS } from '@/lib/billing/invoices/invoice-statuses';

type FilterBarProps = {
  filters: TInvoiceFilters;
  /** The organization in the URL when the server rendered the page, named. */
  organization: TOrganizationChoice | null;
  onChange: (patch: TInvoiceFilters) => void;
  onClear: () => void;
  /** Changes on every clear, so the search box drops any keystrokes still waiting to be searched. */
  resetKey: number;
};

export function InvoiceFilterBar({ filters, organization, onChange, onClear, resetKey }: FilterBarProps) {
  return (
    // One row only where every field fits (the bar ≥ 64rem): squeezed into one row at 1280 px, the
    // number, status and organization names were cut off. Otherwise three columns, two rows.
    <div className="@container mb-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 @xl:grid-cols-2 @3xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.4fr)] @3xl:items-end @5xl:grid-cols-[minmax(0,1fr)_minmax(0,0.85fr)_minmax(0,1.5fr)_repeat(2,minmax(9.5rem,0.75fr))_auto]">
        <SearchField key={resetKey} label="Number" placeholder="INV-202603-0001" maxLength={64} value={filters.q ?? ''} onSearch={(q) => onChange({ q })} />
        <Field label="Status">
          {(control) => (
            <Select {...control} value={filters.status ?? ''} onChange={(event) => onChange({ status: event.target.value })}>
              <option value="">All statuses</option>
              {INVOICE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {INVOICE_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Organization">
          {(control) => (
            <OrganizationPicker {...control} value={filters.organization_id} initial={organization} onChange={(id) => onChange({ organization_id: id ?? '' })} />
          )}
        </Field>
        <Field label="Issued from">
          {(control) => (
            <Input {...control} type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => onChange({ from: event.target.value })} />
          )}
        </Field>
        <Field label="Issued to">
          {(control) => (
            <Input {...control} type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => onChange({ to: event.target.value })} />
          )}
        </Field>
        <Button variant="ghost" className="@3xl:justify-self-start" onClick={onClear} disabled={!hasInvoiceFilters(filters)}>
          Clear filters
        </Button>
      </div>
    </div>
  );
}
