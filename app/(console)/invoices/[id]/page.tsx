import { cache } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InvoiceHeader } from '@/components/invoices/invoice-header';
import { CreditNotesCard, PaymentsCard, RefundHistoryCard } from '@/components/invoices/invoice-history-cards';
import { InvoiceLinesCard } from '@/components/invoices/invoice-lines-card';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { getInvoiceOrThrow } from '@/lib/billing/invoices/get-invoice-or-throw';
import { BillingError } from '@/lib/errors';

type PageProps = { params: Promise<{ id: string }> };

/** The same operation as GET /invoices/{id}; its 404 (unknown or non-UUID id) is the page's 404. */
const loadInvoice = cache(async (id: string) => {
  try {
    return await getInvoiceOrThrow(id);
  } catch (error) {
    if (error instanceof BillingError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await requireSuperAdminPage();
  return { title: (await loadInvoice((await params).id)).number };
}

export default async function InvoicePage({ params }: PageProps) {
  await requireSuperAdminPage();
  const invoice = await loadInvoice((await params).id);
  return (
    <>
      <InvoiceHeader invoice={invoice} />
      <div className="grid gap-6">
        <InvoiceLinesCard invoice={invoice} />
        <PaymentsCard invoice={invoice} />
        <RefundHistoryCard invoice={invoice} />
        <CreditNotesCard invoice={invoice} />
      </div>
    </>
  );
}
