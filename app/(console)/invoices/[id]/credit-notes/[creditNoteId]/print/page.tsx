import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BillingDocumentView } from '@/components/documents/billing-document-view';
import { DocumentToolbar } from '@/components/documents/document-toolbar';
import { creditNotePdfUrl } from '@/components/invoices/invoice-requests';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { getCreditNoteDocument } from '@/lib/billing/documents/get-invoice-document';
import { BillingError } from '@/lib/errors';

type PageProps = { params: Promise<{ id: string; creditNoteId: string }> };

export const metadata: Metadata = { title: 'Print credit note' };

/** A credit note as a printable document: the same content as its PDF, in HTML. */
export default async function PrintCreditNotePage({ params }: PageProps) {
  await requireSuperAdminPage();
  const { id, creditNoteId } = await params;
  const document = await getCreditNoteDocument(id, creditNoteId).catch((error: unknown) => {
    if (error instanceof BillingError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <DocumentToolbar backHref={`/invoices/${id}`} backLabel={'The invoice'} pdfUrl={creditNotePdfUrl(id, creditNoteId)} />
      <BillingDocumentView document={document} />
    </>
  );
}
