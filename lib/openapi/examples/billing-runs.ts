import type { TBillingRun, TBillingRunPage } from '@/lib/billing/runs/schemas';
import type { TUsageResult } from '@/lib/billing/usage/schemas';
import { PAID_INVOICE } from './invoices';

/** A nightly run started by a scheduler's API key: one subscription's plan is priced in a currency nobody supports. */
export const BILLING_RUN: TBillingRun = {
  id: '5b0c6f2e-8d41-4a7e-9c3b-1f2a3b4c5d6e',
  trigger: 'api',
  status: 'succeeded',
  as_of: '2026-12-01T00:00:02.118Z',
  started_at: '2026-12-01T00:00:02.118Z',
  finished_at: '2026-12-01T00:00:31.540Z',
  heartbeat_at: '2026-12-01T00:00:31.540Z',
  started_by: 'Nightly scheduler',
  issued: 45_112,
  renewed: 44_980,
  ended: 19,
  skipped: 0,
  failed: 1,
  failures: [{ subscription_id: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6', code: 'billing_failed', reason: 'Unsupported currency XXX' }],
};

export const BILLING_RUN_PAGE: TBillingRunPage = { data: [BILLING_RUN], has_more: true, next_cursor: BILLING_RUN.id };

export const USAGE_BATCH_BODY = {
  events: [
    { organization_id: PAID_INVOICE.organization_id, messages: 120, occurred_at: '2026-12-03T09:15:00Z', event_id: 'msg-batch-2026-12-03T09:15-001' },
    { organization_id: PAID_INVOICE.organization_id, messages: 80, occurred_at: '2026-12-03T09:16:00Z', event_id: 'msg-batch-2026-12-03T09:16-001' },
    { organization_id: PAID_INVOICE.organization_id, messages: 40, occurred_at: '2026-10-31T23:59:00Z', event_id: 'msg-batch-2026-10-31T23:59-001' },
  ],
};

/** The second event had been sent before; the third falls in October, already invoiced. */
export const USAGE_RESULT: TUsageResult = {
  accepted: 1,
  duplicates: 1,
  refused: 1,
  events: [
    { index: 0, organization_id: PAID_INVOICE.organization_id, event_id: 'msg-batch-2026-12-03T09:15-001', status: 'accepted', code: null },
    { index: 1, organization_id: PAID_INVOICE.organization_id, event_id: 'msg-batch-2026-12-03T09:16-001', status: 'duplicate', code: null },
    { index: 2, organization_id: PAID_INVOICE.organization_id, event_id: 'msg-batch-2026-10-31T23:59-001', status: 'refused', code: 'period_closed' },
  ],
};
