import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BillingDocumentView } from '@/components/documents/billing-document-view';
import { PrintButton } from '@/components/documents/print-button';
import { invoicePdfUrl } from '@/components/invoices/invoice-requests';
import { buttonClasses } from '@/components/ui/button';
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
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/invoices/${id}`} className="text-sm text-zinc-500 hover:text-zinc-900">
          ← {document.number}
        </Link>
        <div className="flex gap-2">
          <a href={invoicePdfUrl(id)} download className={buttonClasses({ variant: 'secondary' })}>
            Download PDF
          </a>
          <PrintButton />
        </div>
      </div>
      <BillingDocumentView document={document} />
    </>
  );
}
