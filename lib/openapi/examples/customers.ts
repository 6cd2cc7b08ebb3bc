import type { TOrganization, TOrganizationDetail } from '@/lib/billing/organizations/schemas';
import type { TChangePreview, TSubscription } from '@/lib/billing/subscriptions/schemas';
import { GROWTH_PLAN, WELCOME_COUPON, WHATSAPP_ADDON } from './catalog';
import { ORGANIZATION_SUMMARY } from './organizations';

/** The tenant of the examples (Toko Sinar Jaya) and its Growth subscription with WELCOME20. */
export const ORGANIZATION: TOrganization = {
  id: ORGANIZATION_SUMMARY.id,
  name: ORGANIZATION_SUMMARY.name,
  slug: ORGANIZATION_SUMMARY.slug,
  billing_email: ORGANIZATION_SUMMARY.billing_email,
  country: 'ID',
  tax_id: '01.234.567.8-901.000',
  created_at: '2026-01-05T03:00:00.000Z',
  updated_at: '2026-01-05T03:00:00.000Z',
};

export const CREATE_ORGANIZATION_BODY = { name: 'Toko Sinar Jaya', slug: 'toko-sinar-jaya', billing_email: 'keuangan@tokosinarjaya.co.id', country: 'ID', tax_id: '01.234.567.8-901.000' };
export const UPDATE_ORGANIZATION_BODY = { billing_email: 'finance@tokosinarjaya.co.id' };

export const SUBSCRIPTION: TSubscription = {
  id: ORGANIZATION_SUMMARY.subscription!.id,
  organization_id: ORGANIZATION.id,
  plan_id: GROWTH_PLAN.id,
  plan_name: GROWTH_PLAN.name,
  status: 'active',
  billing_cycle: 'monthly',
  currency: 'IDR',
  agent_count: 12,
  addons: [{ addon_id: WHATSAPP_ADDON.id, quantity: 1 }],
  coupon: { coupon_id: WELCOME_COUPON.id, code: WELCOME_COUPON.code, cycles_left: 2 },
  current_period_start: '2026-12-01T03:00:00.000Z',
  current_period_end: '2027-01-01T03:00:00.000Z',
  cancel_at_period_end: false,
  cancelled_at: null,
  pending_change: null,
  created_at: '2026-10-01T03:00:00.000Z',
  updated_at: '2026-12-01T03:00:00.000Z',
};

export const CREATE_SUBSCRIPTION_BODY = {
  organization_id: ORGANIZATION.id, plan_id: GROWTH_PLAN.id, billing_cycle: 'monthly', agent_count: 12,
  addons: [{ addon_id: WHATSAPP_ADDON.id, quantity: 1 }], coupon_code: WELCOME_COUPON.code,
};

export const ORGANIZATION_DETAIL: TOrganizationDetail = {
  ...ORGANIZATION,
  subscription: SUBSCRIPTION,
  // (799.000 + 2 × 79.000 extra agents + 150.000) − 20% = 885.600
  mrr: 885_600,
  currency: 'IDR',
  outstanding_amount: 983_016,
  counts: { subscriptions: 1, invoices: 3, open_invoices: 1, refunds: 0 },
};

export const CHANGE_BODY = { agent_count: 15 };

export const CHANGE_PREVIEW: TChangePreview = {
  timing: 'now',
  effective_at: '2026-12-22T08:00:00.000Z',
  currency: 'IDR',
  lines: [
    { kind: 'plan_base', description: 'Growth (monthly), 10 of 31 days', quantity: 1, unit_amount: 257741.9355, amount: 257_742 },
    { kind: 'per_agent', description: 'Additional agents beyond 10 included, 10 of 31 days', quantity: 5, unit_amount: 25483.871, amount: 127_419 },
    { kind: 'addon', description: 'Extra WhatsApp number, 10 of 31 days', quantity: 1, unit_amount: 48387.0968, amount: 48_387 },
    { kind: 'discount', description: 'Coupon WELCOME20 (20% off)', quantity: 1, unit_amount: -86_710, amount: -86_710 },
    { kind: 'credit', description: 'Unused time on Growth (monthly), 10 of 31 days', quantity: 1, unit_amount: -285_677, amount: -285_677 },
    { kind: 'tax', description: 'Tax (11%)', quantity: 1, unit_amount: 6_728, amount: 6_728 },
  ],
  invoice_now: { subtotal: 147_871, discount: 86_710, tax: 6_728, total: 67_889 },
  next_invoice: { subtotal: 1_344_000, discount: 268_800, tax: 118_272, total: 1_193_472, period_start: '2027-01-01T03:00:00.000Z', lines: [] },
  mrr_before: 885_600,
  mrr_after: 1_075_200,
  coupon_removed: null,
  preview_id: '5e0c3a1b9d7f2e4c6a8b0d1f3e5c7a9b1d3f5e7c9a0b2d4f6e8c0a2b4d6f8e0a',
};

export const CANCEL_BODY = { at: 'period_end', reason: 'Moving to another provider at the end of the month.' };
