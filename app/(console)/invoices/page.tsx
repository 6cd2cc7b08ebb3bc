import type { Metadata } from 'next';
import { InvoiceBrowser } from '@/components/invoices/invoice-browser';
import { invoiceFiltersSearch, readInvoiceFilters, recordParams } from '@/components/invoices/invoice-filters';
import { INVOICE_PAGE_SIZE } from '@/components/invoices/invoice-requests';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listInvoiceOrganizations } from '@/lib/billing/invoices/list-invoice-organizations';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';

export const metadata: Metadata = { title: 'Invoices' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvoicesPage({ searchParams }: PageProps) {
  await requireSuperAdminPage();
  const filters = readInvoiceFilters(recordParams(await searchParams));
  // The first page comes from the same operation as GET /invoices. Filters it rejects render no
  // page here: the browser then asks the API, which explains the problem where the table would be.
  const query = ZInvoiceListQuery.safeParse({ ...filters, limit: INVOICE_PAGE_SIZE });
  const [page, organizations] = await Promise.all([query.success ? listInvoices(query.data) : null, listInvoiceOrganizations()]);

  return (
    <>
      <PageHeader title="Invoices" description="Every issued invoice, newest first. Open one to see its lines, payments and refunds." />
      <InvoiceBrowser organizations={organizations} initial={{ search: invoiceFiltersSearch(filters), page }} />
    </>
  );
}
