import { describe, expect, it } from 'vitest';
import { exportCsvHref } from './export-csv-button';

const INVOICES = '/api/v1/admin/billing/invoices';

describe('exportCsvHref', () => {
  it('asks for CSV with ?format=csv', () => {
    expect(exportCsvHref('/api/v1/admin/billing/plans')).toBe('/api/v1/admin/billing/plans?format=csv');
  });

  it('keeps the filters from a query string, with or without "?"', () => {
    expect(exportCsvHref(INVOICES, 'status=paid&q=INV-2026')).toBe(`${INVOICES}?status=paid&q=INV-2026&format=csv`);
    expect(exportCsvHref(INVOICES, '?status=paid')).toBe(`${INVOICES}?status=paid&format=csv`);
  });

  it('takes a record, dropping empty values', () => {
    expect(exportCsvHref(INVOICES, { status: 'void', organization_id: '', from: undefined, to: null, q: 'a b' })).toBe(`${INVOICES}?status=void&q=a+b&format=csv`);
  });

  it('drops paging and any other format: the export is every matching row', () => {
    expect(exportCsvHref(INVOICES, 'limit=25&starting_after=x&format=json&status=paid')).toBe(`${INVOICES}?status=paid&format=csv`);
  });
});
