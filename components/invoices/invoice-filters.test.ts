import { describe, expect, it } from 'vitest';
import { recordParams } from '@/components/ui/url-filters';
import { hasInvoiceFilters, invoiceFiltersSearch, readInvoiceFilters } from './invoice-filters';

describe('invoice filters in the URL', () => {
  it('reads only the known filters and drops empty ones', () => {
    const params = new URLSearchParams('q=INV-2026&status=&limit=5&from=2026-01-01&utm=x');
    expect(readInvoiceFilters(params)).toEqual({ q: 'INV-2026', from: '2026-01-01' });
  });

  it('writes a canonical query string whatever order the filters were set in', () => {
    expect(invoiceFiltersSearch({ q: 'INV 1', status: 'paid', to: '' })).toBe('status=paid&q=INV+1');
    expect(invoiceFiltersSearch({ status: 'paid', q: 'INV 1' })).toBe(invoiceFiltersSearch({ q: 'INV 1', status: 'paid' }));
  });

  it('takes the first value of a repeated key from a server searchParams record', () => {
    expect(readInvoiceFilters(recordParams({ status: ['open', 'paid'], q: undefined }))).toEqual({ status: 'open' });
  });

  it('knows when any filter is set', () => {
    expect(hasInvoiceFilters({})).toBe(false);
    expect(hasInvoiceFilters({ q: '' })).toBe(false);
    expect(hasInvoiceFilters({ organization_id: 'x' })).toBe(true);
  });
});
