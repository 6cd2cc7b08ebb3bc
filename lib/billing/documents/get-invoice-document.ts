import { getInvoiceOrThrow } from '@/lib/billing/invoices/get-invoice-or-throw';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import type { TBillingDocument } from './billing-document';
import { creditNoteDocument } from './credit-note-document';
import { invoiceDocument, type TBuyer, type TSeller } from './invoice-document';

/**
 * The document of one invoice (404 for an unknown or non-UUID id): the invoice as GET
 * /invoices/{id} shows it, its tax rate as the row's numeric, the buyer's organization as it is now
 * (with its NPWP, organizations.tax_id), the seller from configuration.
 */
export async function getInvoiceDocument(rawId: string): Promise<TBillingDocument> {
  const invoice = await getInvoiceOrThrow(rawId);
  const { taxRate } = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { taxRate: true } });
  return invoiceDocument(invoice, await buyerOf(invoice), sellerFromConfig(), taxRate);
}

/** The document of one of an invoice's credit notes (404 unless the note belongs to that invoice). */
export async function getCreditNoteDocument(rawInvoiceId: string, rawCreditNoteId: string): Promise<TBillingDocument> {
  const creditNoteId = parseId(rawCreditNoteId, 'credit note');
  const invoice = await getInvoiceOrThrow(rawInvoiceId);
  const note = invoice.credit_notes.find((candidate) => candidate.id === creditNoteId);
  if (!note) throw notFound('credit note');
  return creditNoteDocument(note, invoice, await buyerOf(invoice), sellerFromConfig());
}

async function buyerOf(invoice: TInvoiceDetail): Promise<TBuyer> {
  const organization = await db().organization.findUniqueOrThrow({
    where: { id: invoice.organization_id },
    select: { name: true, billingEmail: true, country: true, taxId: true },
  });
  return { name: organization.name, billingEmail: organization.billingEmail, country: organization.country, taxId: organization.taxId };
}

function sellerFromConfig(): TSeller {
  const { SELLER_NAME, SELLER_ADDRESS, SELLER_EMAIL, SELLER_NPWP } = config();
  return { name: SELLER_NAME, address: SELLER_ADDRESS, email: SELLER_EMAIL, npwp: SELLER_NPWP };
}
