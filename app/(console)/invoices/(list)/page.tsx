import type { Metadata } from 'next';
import { InvoiceBrowser } from '@/components/invoices/invoice-browser';
import { invoiceFiltersSearch, readInvoiceFilters } from '@/components/invoices/invoice-filters';
import { recordParams } from '@/components/ui/url-filters';
import { INVOICE_PAGE_SIZE } from '@/components/invoices/invoice-requests';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';
import { findOrganizationSummary } from '@/lib/billing/organizations/find-organization-summary';

export const metadata: Metadata = { title: 'Invoices' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvoicesPage({ searchParams }: PageProps) {
  await requireSuperAdminPage();
  const filters = readInvoiceFilters(recordParams(await searchParams));
  // The first page comes from the same operation as GET /invoices. Filters it rejects render no
  // page here: the browser then asks the API, which explains the problem where the table would be.
  const query = ZInvoiceListQuery.safeParse({ ...filters, limit: INVOICE_PAGE_SIZE });
  // Only the organization in the URL is named here; the picker asks GET /organizations for others as the operator types.
  const [page, organization] = await Promise.all([
    query.success ? listInvoices(query.data) : null,
    filters.organization_id ? findOrganizationSummary(filters.organization_id) : null,
  ]);

  return (
    <>
      <PageHeader title="Invoices" description="Every issued invoice, newest first. Open one to see its lines, payments and refunds." />
      <InvoiceBrowser organization={organization && { id: organization.id, name: organization.name }} initial={{ search: invoiceFiltersSearch(filters), page }} />
    </>
  );
}
