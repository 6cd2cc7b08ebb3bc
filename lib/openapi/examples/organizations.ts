import type { TOrganizationPage, TOrganizationSummary } from '@/lib/billing/organizations/schemas';
import { PAID_INVOICE } from './invoices';

/** The tenant billed by the example invoice, as the picker finds it by typing "sinar". */
export const ORGANIZATION_SUMMARY: TOrganizationSummary = {
  id: PAID_INVOICE.organization_id,
  name: PAID_INVOICE.organization_name,
  slug: 'toko-sinar-jaya',
  billing_email: 'keuangan@tokosinarjaya.co.id',
  country: 'ID',
};

export const ORGANIZATION_PAGE: TOrganizationPage = { data: [ORGANIZATION_SUMMARY], has_more: true, next_cursor: ORGANIZATION_SUMMARY.id };
