import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BillingDocumentView } from '@/components/documents/billing-document-view';
import { PrintButton } from '@/components/documents/print-button';
import { creditNotePdfUrl } from '@/components/invoices/invoice-requests';
import { buttonClasses } from '@/components/ui/button';
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
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/invoices/${id}`} className="text-sm text-zinc-500 hover:text-zinc-900">
          ← The invoice
        </Link>
        <div className="flex gap-2">
          <a href={creditNotePdfUrl(id, creditNoteId)} download className={buttonClasses({ variant: 'secondary' })}>
            Download PDF
          </a>
          <PrintButton />
        </div>
      </div>
      <BillingDocumentView document={document} />
    </>
  );
}
