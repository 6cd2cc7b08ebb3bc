import type { TOrganizationPage, TOrganizationSummary } from '@/lib/billing/organizations/schemas';
import { PAID_INVOICE } from './invoices';

/** The tenant billed by the example invoice, as the picker finds it by typing "sinar". */
export const ORGANIZATION_SUMMARY: TOrganizationSummary = {
  id: PAID_INVOICE.organization_id,
  name: PAID_INVOICE.organization_name,
  slug: 'toko-sinar-jaya',
  billing_email: 'keuangan@tokosinarjaya.co.id',
  country: 'ID',
  subscription: {
    id: 'a3c1f0de-5b7e-4c2a-9d41-6f8e2b7c9a10',
    plan_id: '5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    plan_name: 'Growth',
    status: 'active',
    billing_cycle: 'monthly',
    cancel_at_period_end: false,
    has_pending_change: false,
    coupon_code: 'WELCOME20',
  },
};

export const ORGANIZATION_PAGE: TOrganizationPage = { data: [ORGANIZATION_SUMMARY], has_more: true, next_cursor: ORGANIZATION_SUMMARY.id };
