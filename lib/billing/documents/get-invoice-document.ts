import { getInvoiceOrThrow } from '@/lib/billing/invoices/get-invoice-or-throw';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import type { TBillingDocument } from './billing-document';
import { invoiceDocument } from './invoice-document';

/**
 * The document of one invoice (404 for an unknown or non-UUID id): the invoice as GET
 * /invoices/{id} shows it, its tax rate as the row's numeric, the buyer's organization as it is now
 * (with its NPWP, organizations.tax_id), the seller from configuration.
 */
export async function getInvoiceDocument(rawId: string): Promise<TBillingDocument> {
  const invoice = await getInvoiceOrThrow(rawId);
  const { taxRate, organization } = await db().invoice.findUniqueOrThrow({
    where: { id: invoice.id },
    select: { taxRate: true, organization: { select: { name: true, billingEmail: true, country: true, taxId: true } } },
  });
  const { SELLER_NAME, SELLER_ADDRESS, SELLER_EMAIL, SELLER_NPWP } = config();
  return invoiceDocument(
    invoice,
    { name: organization.name, billingEmail: organization.billingEmail, country: organization.country, taxId: organization.taxId },
    { name: SELLER_NAME, address: SELLER_ADDRESS, email: SELLER_EMAIL, npwp: SELLER_NPWP },
    taxRate,
  );
}
