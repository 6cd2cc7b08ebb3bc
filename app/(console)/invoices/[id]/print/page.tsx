import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BillingDocumentView } from '@/components/documents/billing-document-view';
import { DocumentToolbar } from '@/components/documents/document-toolbar';
import { invoicePdfUrl } from '@/components/invoices/invoice-requests';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { getInvoiceDocument } from '@/lib/billing/documents/get-invoice-document';
import { BillingError } from '@/lib/errors';

type PageProps = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Print invoice' };

/** The invoice as a printable document: the same content as GET /invoices/{id}/pdf, in HTML. */
export default async function PrintInvoicePage({ params }: PageProps) {
  await requireSuperAdminPage();
  const { id } = await params;
  const document = await getInvoiceDocument(id).catch((error: unknown) => {
    if (error instanceof BillingError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <DocumentToolbar backHref={`/invoices/${id}`} backLabel={document.number} pdfUrl={invoicePdfUrl(id)} />
      <BillingDocumentView document={document} />
    </>
  );
}
