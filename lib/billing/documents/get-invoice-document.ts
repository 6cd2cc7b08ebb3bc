import { getInvoiceOrThrow } from '@/lib/billing/invoices/get-invoice-or-throw';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import type { TBillingDocument } from './billing-document';
import { invoiceDocument } from './invoice-document';

/**
 * The document of one invoice (404 for an unknown or non-UUID id): the invoice as GET
 * /invoices/{id} shows it, the buyer's organization as it is now, the seller from configuration.
 */
export async function getInvoiceDocument(rawId: string): Promise<TBillingDocument> {
  const invoice = await getInvoiceOrThrow(rawId);
  const organization = await db().organization.findUniqueOrThrow({
    where: { id: invoice.organization_id },
    select: { name: true, billingEmail: true, country: true },
  });
  const { SELLER_NAME, SELLER_ADDRESS, SELLER_EMAIL, SELLER_NPWP } = config();
  return invoiceDocument(
    invoice,
    // organizations.tax_id (NPWP) arrives with the customers issue (SPEC §10): it is this one field.
    { name: organization.name, billingEmail: organization.billingEmail, country: organization.country, taxId: null },
    { name: SELLER_NAME, address: SELLER_ADDRESS, email: SELLER_EMAIL, npwp: SELLER_NPWP },
  );
}
