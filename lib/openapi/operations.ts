import { z } from 'zod';
import { ZAddon, ZCreateAddonInput, ZUpdateAddonInput } from '@/lib/billing/addons/schemas';
import { ZAddonAttach, ZAnalyticsQuery, ZCouponBreakdown, ZOverview, ZPlanBreakdown, ZRevenueSeries } from '@/lib/billing/analytics/schemas';
import { ZApiKey, ZCreateApiKeyInput, ZCreatedApiKey } from '@/lib/auth/api-keys/schemas';
import { ZAuditEntry, ZAuditListQuery, ZAuditPage } from '@/lib/audit/schemas';
import { ZCoupon, ZCreateCouponInput, ZUpdateCouponInput } from '@/lib/billing/coupons/schemas';
import { ZInvoice, ZInvoiceDetail, ZInvoiceListQuery, ZInvoicePage, ZRefund, ZVoidInvoiceInput } from '@/lib/billing/invoices/schemas';
import { ZCreateOrganizationInput, ZOrganization, ZOrganizationDetail, ZOrganizationPage, ZOrganizationSearchQuery, ZOrganizationSummary, ZUpdateOrganizationInput } from '@/lib/billing/organizations/schemas';
import { ZApplyCouponInput, ZCancelSubscriptionInput, ZChangePreview, ZChangeResult, ZChangeSubscriptionInput, ZCreateSubscriptionInput, ZSubscription, ZSubscriptionListQuery, ZSubscriptionPage } from '@/lib/billing/subscriptions/schemas';
import { ZCreatePlanInput, ZPlan, ZUpdatePlanInput } from '@/lib/billing/plans/schemas';
import { ZBillingRun, ZBillingRunListQuery, ZBillingRunPage } from '@/lib/billing/runs/schemas';
import { ZUsageInput, ZUsageResult } from '@/lib/billing/usage/schemas';
import { ZPayment, ZRecordPaymentInput, ZRecordPaymentResult } from '@/lib/billing/payments/schemas';
import { ZReconcileInput, ZReconcileResult, ZRefundInput, ZRefundResult } from '@/lib/billing/refunds/schemas';
import { ZMoveTestClockInput, ZTestClock } from '@/lib/test-clock/schemas';
import type { TApiOperation } from './api-operation';
import { API_KEY, CREATED_API_KEY, CREATE_API_KEY_BODY, REVOKED_API_KEY } from './examples/api-keys';
import { OVERVIEW, PLAN_BREAKDOWN, REVENUE_SERIES } from './examples/analytics';
import { AUDIT_PAGE } from './examples/audit-log';
import { BILLING_RUN, BILLING_RUN_PAGE, USAGE_BATCH_BODY, USAGE_RESULT } from './examples/billing-runs';
import * as catalog from './examples/catalog';
import { INVOICE_DETAIL, INVOICE_PAGE, RECORD_PAYMENT_BODY, RECORD_PAYMENT_RESULT, REFUND_BODY, REFUND_RESULT, VOID_BODY, VOID_INVOICE_DETAIL } from './examples/invoices';
import * as customers from './examples/customers';
import { ORGANIZATION_PAGE } from './examples/organizations';
import { ZProblem } from './problem-schema';

/** The bytes of a PDF download (OpenAPI 3.1: a string with its media type). */
const ZPdfDocument = z.string().meta({ contentMediaType: 'application/pdf', description: 'A PDF 1.3 document, starting with `%PDF-`.' });

/** Response schemas shown once under components and referenced by every operation that returns them. */
export const SCHEMA_COMPONENTS = {
  Plan: ZPlan, Coupon: ZCoupon, Addon: ZAddon,
  BillingRun: ZBillingRun, BillingRunPage: ZBillingRunPage, UsageResult: ZUsageResult,
  Invoice: ZInvoice, InvoicePage: ZInvoicePage, InvoiceDetail: ZInvoiceDetail, Refund: ZRefund, RefundResult: ZRefundResult, Payment: ZPayment, RecordPaymentResult: ZRecordPaymentResult,
  OrganizationSummary: ZOrganizationSummary, OrganizationPage: ZOrganizationPage, Organization: ZOrganization, OrganizationDetail: ZOrganizationDetail,
  Subscription: ZSubscription, SubscriptionPage: ZSubscriptionPage, ChangePreview: ZChangePreview, ChangeResult: ZChangeResult,
  ApiKey: ZApiKey, CreatedApiKey: ZCreatedApiKey,
  AuditEntry: ZAuditEntry, AuditPage: ZAuditPage,
  AnalyticsOverview: ZOverview, RevenueSeries: ZRevenueSeries, PlanBreakdown: ZPlanBreakdown, CouponBreakdown: ZCouponBreakdown, AddonAttach: ZAddonAttach,
  TestClock: ZTestClock,
  Problem: ZProblem,
};

export const TAGS = [
  { name: 'Plans', description: 'Billing plans: prices, limits and features. Never deleted: deactivated.' },
  { name: 'Coupons', description: 'Discount codes. Code and discount are locked once a coupon has been used.' },
  { name: 'Add-ons', description: 'Extras billed on top of a plan, flat or per agent.' },
  { name: 'Billing runs', description: 'Issuing every due invoice: renewals, annual usage invoices, period ends (docs/BILLING.md "The billing run"). Also `npm run billing:run` and BILLING_RUN_INTERVAL.' },
  { name: 'Usage', description: 'Messages reported by the messaging platform, billed as overage by the billing run.' },
  { name: 'Invoices', description: 'Issued invoices (keyset-paginated), their refunds, voiding, and their PDF documents.' },
  { name: 'Organizations', description: 'Tenants (customers): found by name or id, with their current subscription, MRR and what they owe.' },
  { name: 'Subscriptions', description: 'A tenant\'s plan, cycle, agents, add-ons and coupon; changes with preview and proration, cancellation. Rules: docs/BILLING.md.' },
  { name: 'API keys', description: 'Keys for other services. The secret is shown once, when created, and never stored.' },
  { name: 'Audit log', description: 'Every change to plans, coupons, add-ons, invoices and API keys: who, when, before and after (keyset-paginated).' },
  { name: 'Test clock', description: 'The server\'s "now", which every billing rule reads; movable forward only on a server started with `TEST_CLOCK=true` (simulations, `npm run simulate`). Also at `/api/v1/test-clock`.' },
  { name: 'Analytics', description: 'MRR, revenue and breakdowns per currency over [from, to). Definitions: docs/METRICS.md.' },
];

/** `.in`: the query as sent; the transform that resolves the date range is the server's business. */
const analyticsQuery = ZAnalyticsQuery.in;
const analytics = (path: string, operationId: string, summary: string, description: string, schema: z.ZodType, example?: unknown): TApiOperation => ({
  operationId, method: 'get', path: `/analytics/${path}`, tag: 'Analytics', summary, query: analyticsQuery,
  description: `${description} Over [from, to) in UTC, in one currency; definitions in docs/METRICS.md.`,
  response: { status: 200, description: `${summary}, in one currency.`, schema, example },
});

/** Every operation of the API, in reading order. A new route is one more entry here (the drift test insists). */
export const OPERATIONS: TApiOperation[] = [
  { operationId: 'listPlans', method: 'get', conditional: true, path: '/plans', tag: 'Plans', summary: 'List all billing plans', description: 'Active and inactive, ordered by `sort_order`, then `created_at`. As CSV: `GET /plans.csv`.', csv: { name: 'plans', schema: ZPlan },
    response: { status: 200, description: 'Every plan.', schema: z.array(ZPlan), example: [catalog.STARTER_PLAN, catalog.GROWTH_PLAN] } },
  { operationId: 'createPlan', method: 'post', path: '/plans', tag: 'Plans', summary: 'Create a billing plan', description: 'Defaults: `currency` IDR, `base_price_annual` = monthly × 10, `sort_order` 0; missing features are false.',
    body: { schema: ZCreatePlanInput, example: catalog.CREATE_PLAN_BODY },
    response: { status: 201, description: 'The new plan.', schema: ZPlan, example: catalog.GROWTH_PLAN }, errors: { 409: ['slug_taken'] } },
  { operationId: 'getPlan', method: 'get', conditional: true, path: '/plans/{id}', tag: 'Plans', summary: 'Get a billing plan by ID', description: 'Active or not, with its prices, limits and features.',
    response: { status: 200, description: 'The plan.', schema: ZPlan, example: catalog.GROWTH_PLAN } },
  { operationId: 'updatePlan', method: 'patch', path: '/plans/{id}', tag: 'Plans', summary: 'Update a billing plan', putAlias: true,
    description: 'Any subset of the fields. `limits` and `features` replace the whole object. Issued invoices keep their prices.',
    body: { schema: ZUpdatePlanInput, example: catalog.UPDATE_PLAN_BODY },
    response: { status: 200, description: 'The updated plan.', schema: ZPlan, example: { ...catalog.GROWTH_PLAN, ...catalog.UPDATE_PLAN_BODY } }, errors: { 409: ['slug_taken', 'plan_currency_locked'] } },

  { operationId: 'listCoupons', method: 'get', conditional: true, path: '/coupons', tag: 'Coupons', summary: 'List all coupons', description: 'Newest first, each with its derived `status`. As CSV: `GET /coupons.csv`.', csv: { name: 'coupons', schema: ZCoupon },
    response: { status: 200, description: 'Every coupon.', schema: z.array(ZCoupon), example: [catalog.WELCOME_COUPON] } },
  { operationId: 'createCoupon', method: 'post', path: '/coupons', tag: 'Coupons', summary: 'Create a coupon', description: 'The code is stored uppercase and unique ignoring case. `valid_from` defaults to now.',
    body: { schema: ZCreateCouponInput, example: catalog.CREATE_COUPON_BODY },
    response: { status: 201, description: 'The new coupon.', schema: ZCoupon, example: catalog.WELCOME_COUPON }, errors: { 409: ['code_taken'] } },
  { operationId: 'getCoupon', method: 'get', conditional: true, path: '/coupons/{id}', tag: 'Coupons', summary: 'Get a coupon by ID', description: 'With its use count and derived `status`.',
    response: { status: 200, description: 'The coupon.', schema: ZCoupon, example: catalog.WELCOME_COUPON } },
  { operationId: 'updateCoupon', method: 'patch', path: '/coupons/{id}', tag: 'Coupons', summary: 'Update a coupon', putAlias: true,
    description: '`code`, `discount_type`, `discount_value` and `currency` change only while `current_uses` is 0.',
    body: { schema: ZUpdateCouponInput, example: catalog.UPDATE_COUPON_BODY },
    response: { status: 200, description: 'The updated coupon.', schema: ZCoupon, example: { ...catalog.WELCOME_COUPON, max_uses: 200 } },
    errors: { 409: ['code_taken', 'coupon_in_use', 'max_uses_below_current_uses'] } },

  { operationId: 'listAddons', method: 'get', conditional: true, path: '/addons', tag: 'Add-ons', summary: 'List all add-ons', description: 'Ordered by `sort_order`, then `created_at`. As CSV: `GET /addons.csv`.', csv: { name: 'addons', schema: ZAddon },
    response: { status: 200, description: 'Every add-on.', schema: z.array(ZAddon), example: [catalog.WHATSAPP_ADDON] } },
  { operationId: 'createAddon', method: 'post', path: '/addons', tag: 'Add-ons', summary: 'Create an add-on', description: 'Defaults: `price_annual` = monthly × 10, `unit` flat, `sort_order` 0. Priced in IDR.',
    body: { schema: ZCreateAddonInput, example: catalog.CREATE_ADDON_BODY },
    response: { status: 201, description: 'The new add-on.', schema: ZAddon, example: catalog.WHATSAPP_ADDON }, errors: { 409: ['slug_taken'] } },
  { operationId: 'getAddon', method: 'get', conditional: true, path: '/addons/{id}', tag: 'Add-ons', summary: 'Get an add-on by ID', description: 'Active or not, with its prices and unit.',
    response: { status: 200, description: 'The add-on.', schema: ZAddon, example: catalog.WHATSAPP_ADDON } },
  { operationId: 'updateAddon', method: 'patch', path: '/addons/{id}', tag: 'Add-ons', summary: 'Update an add-on', putAlias: true,
    description: '`slug` and `unit` are fixed after creation: sending them is 400.',
    body: { schema: ZUpdateAddonInput, example: catalog.UPDATE_ADDON_BODY },
    response: { status: 200, description: 'The updated add-on.', schema: ZAddon, example: { ...catalog.WHATSAPP_ADDON, ...catalog.UPDATE_ADDON_BODY } } },

  { operationId: 'listInvoices', method: 'get', path: '/invoices', tag: 'Invoices', summary: 'List invoices',
    description: 'Newest first. Keyset pages: pass `next_cursor` as `starting_after`; stable under inserts. As CSV: `GET /invoices.csv`, every matching invoice (not one page), at most 100,000.',
    query: ZInvoiceListQuery, csv: { name: 'invoices', schema: ZInvoice, errors: { 400: ['export_too_large'] } },
    response: { status: 200, description: 'One page of invoices.', schema: ZInvoicePage, example: INVOICE_PAGE }, errors: { 400: ['invalid_cursor'] } },
  { operationId: 'getInvoice', method: 'get', conditional: true, path: '/invoices/{id}', tag: 'Invoices', summary: 'Get an invoice by ID', description: 'With its lines, payments, refunds and credit notes (one per succeeded refund, CN-YYYYMM-NNNN, its amount split into tax base and PPN in the invoice\'s proportions).',
    response: { status: 200, description: 'The invoice.', schema: ZInvoiceDetail, example: INVOICE_DETAIL } },
  { operationId: 'refundInvoice', method: 'post', path: '/invoices/{id}/refund', tag: 'Invoices', summary: 'Refund an invoice',
    description: 'Without `amount`, refunds everything still refundable. Send an `Idempotency-Key`: a retry never refunds twice. Checks run in order: body (400), invoice status (409), amount ≤ refundable (422).',
    body: { schema: ZRefundInput, example: REFUND_BODY },
    response: { status: 201, description: 'The refund and the invoice\'s new status.', schema: ZRefundResult, example: REFUND_RESULT },
    errors: { 409: ['invoice_not_refundable', 'invoice_changed'], 422: ['refund_exceeds_refundable'] } },
  { operationId: 'voidInvoice', method: 'post', path: '/invoices/{id}/void', tag: 'Invoices', summary: 'Void an invoice',
    description: 'Open invoices only; any other status is 409 `invoice_not_voidable` with the current `invoice_status`. The invoice keeps its number and lines; `voided_at` and `void_reason` record when and why, and the audit log who. A coupon use it consumed stays consumed. Concurrent voids: one succeeds, the rest are 409.',
    body: { schema: ZVoidInvoiceInput, example: VOID_BODY },
    response: { status: 200, description: 'The void invoice.', schema: ZInvoiceDetail, example: VOID_INVOICE_DETAIL },
    errors: { 409: ['invoice_not_voidable'] } },
  { operationId: 'getInvoicePdf', method: 'get', path: '/invoices/{id}/pdf', tag: 'Invoices', summary: 'Download an invoice as PDF',
    description: 'An A4 PDF with the fonts embedded: seller (SELLER_* configuration) and buyer with NPWP, dates, lines, tax base (DPP) and PPN, totals, what was paid, refunded and is due; a void invoice is marked VOID with when and why. Sent as an attachment named `<number>.pdf`.',
    response: { status: 200, description: 'The invoice document.', schema: ZPdfDocument, mediaType: 'application/pdf' } },
  { operationId: 'getCreditNotePdf', method: 'get', path: '/invoices/{id}/credit-notes/{creditNoteId}/pdf', tag: 'Invoices', summary: 'Download a credit note as PDF',
    description: 'A credit note of the invoice (its `credit_notes`) as an A4 PDF in the invoice\'s layout: seller and buyer with NPWP, the invoice it corrects, the refunded amount as tax base (DPP) and PPN credited; a voided note (its refund was returned) is marked VOID. Sent as an attachment named `<number>.pdf`. A credit note of another invoice is 404.',
    response: { status: 200, description: 'The credit note document.', schema: ZPdfDocument, mediaType: 'application/pdf' } },
  { operationId: 'recordPayment', method: 'post', path: '/invoices/{id}/payments', tag: 'Invoices', summary: 'Record a payment received',
    description: 'Money received for an issued invoice (a bank transfer, a virtual account, a card…). Partial payments add up; the one that covers the total makes the invoice `paid` (`paid_at` = its `paid_at`, default now). `reference` is unique per `method`: the same transfer twice is 409 `payment_duplicate`. Draft and void invoices take no payments (409); more than is due is 422.',
    body: { schema: ZRecordPaymentInput, example: RECORD_PAYMENT_BODY },
    response: { status: 201, description: 'The payment and the invoice\'s new figures.', schema: ZRecordPaymentResult, example: RECORD_PAYMENT_RESULT },
    errors: { 409: ['invoice_not_payable', 'payment_duplicate'], 422: ['payment_exceeds_due'] } },
  { operationId: 'reconcileRefunds', method: 'post', path: '/refunds/reconcile', tag: 'Invoices', summary: 'Settle pending refunds',
    description: 'Asks each refund\'s provider about refunds still `pending` longer than `REFUND_PENDING_RECHECK` (default 10 minutes), or exactly `refund_ids` now. A refund whose provider call never happened is sent now with its original idempotency key, so it is made once. Answers the counts. For a scheduler; the console\'s "recheck now".',
    body: { schema: ZReconcileInput, example: { refund_ids: ['e2c6a0f4-8b1d-4f93-a5c7-3d9e1b5f7a62'] } },
    response: { status: 200, description: 'What was checked and how it settled.', schema: ZReconcileResult, example: { checked: 1, succeeded: 1, failed: 0, still_pending: 0, errors: [] } } },

  { operationId: 'startBillingRun', method: 'post', path: '/billing-runs', tag: 'Billing runs', summary: 'Run the billing run now',
    description: 'For an external scheduler. No body. Bills everything due now — each subscription whose period has ended is renewed and gets that period\'s invoice (exactly once: a unique key), annual subscribers\' closed months their usage invoices — and answers when done with the counts. Safe to call while another run is going (they split the work) and after a crash (it issues only what is missing).',
    response: { status: 201, description: 'The finished run and its counts; `failures` names each subscription left unbilled and why.', schema: ZBillingRun, example: BILLING_RUN } },
  { operationId: 'listBillingRuns', method: 'get', path: '/billing-runs', tag: 'Billing runs', summary: 'List billing runs',
    description: 'Newest first (by `started_at`), keyset pages: pass `next_cursor` as `starting_after`. A run still `running` long after it started was killed; the next run bills what it left.',
    query: ZBillingRunListQuery,
    response: { status: 200, description: 'One page of billing runs.', schema: ZBillingRunPage, example: BILLING_RUN_PAGE }, errors: { 400: ['invalid_cursor'] } },
  { operationId: 'getBillingRun', method: 'get', path: '/billing-runs/{id}', tag: 'Billing runs', summary: 'Get a billing run by ID',
    description: 'One run: when and how it was started, by whom, the instant it billed up to, its counts and failures. A run still `running` shows the counts of the batches done so far.',
    response: { status: 200, description: 'The run (its counts so far while it is running).', schema: ZBillingRun, example: BILLING_RUN } },

  { operationId: 'recordUsage', method: 'post', path: '/usage', tag: 'Usage', summary: 'Report message usage',
    description: 'One event `{organization_id, messages, occurred_at, event_id}` or `{events: [...]}` with up to 1,000. `event_id` is unique per organization: a resend is counted once and answered `duplicate`. An event in a period already invoiced is `refused` with `period_closed` (a single such event: 409). Negative or fractional `messages`, an unknown organization or an `occurred_at` more than 5 minutes ahead: 400 for the whole call, `errors[].path` naming the event (`events.3.messages`).',
    body: { schema: ZUsageInput, example: USAGE_BATCH_BODY },
    response: { status: 200, description: 'What became of each event.', schema: ZUsageResult, example: USAGE_RESULT }, errors: { 409: ['period_closed'] } },

  { operationId: 'searchOrganizations', method: 'get', path: '/organizations', tag: 'Organizations', summary: 'Search organizations',
    description: '`search` is a case-insensitive part of the name (`%` and `_` match themselves), or an organization\'s exact id when it is a UUID; without it, every organization. Filters on the current subscription (the live one, else the latest): `plan_id`, `status` (`none`: never subscribed), `has_coupon`. By name (ignoring case), then id; keyset pages of at most 50: pass `next_cursor` as `starting_after`.',
    query: ZOrganizationSearchQuery,
    response: { status: 200, description: 'One page of organizations.', schema: ZOrganizationPage, example: ORGANIZATION_PAGE }, errors: { 400: ['invalid_cursor'] } },
  { operationId: 'createOrganization', method: 'post', path: '/organizations', tag: 'Organizations', summary: 'Create an organization', description: '`tax_id` is the NPWP (15 or 16 digits), optional; `country` an ISO 3166-1 alpha-2 code.',
    body: { schema: ZCreateOrganizationInput, example: customers.CREATE_ORGANIZATION_BODY },
    response: { status: 201, description: 'The new organization.', schema: ZOrganization, example: customers.ORGANIZATION }, errors: { 409: ['slug_taken'] } },
  { operationId: 'getOrganization', method: 'get', path: '/organizations/{id}', tag: 'Organizations', summary: 'Get an organization by ID',
    description: 'With its current subscription, that subscription\'s MRR contribution (docs/METRICS.md), the amount its open invoices still owe, and counts.',
    response: { status: 200, description: 'The organization.', schema: ZOrganizationDetail, example: customers.ORGANIZATION_DETAIL } },
  { operationId: 'updateOrganization', method: 'patch', path: '/organizations/{id}', tag: 'Organizations', summary: 'Update an organization', description: 'Any of the fields; `tax_id: null` clears it.',
    body: { schema: ZUpdateOrganizationInput, example: customers.UPDATE_ORGANIZATION_BODY },
    response: { status: 200, description: 'The updated organization.', schema: ZOrganization, example: { ...customers.ORGANIZATION, ...customers.UPDATE_ORGANIZATION_BODY } }, errors: { 409: ['slug_taken'] } },

  { operationId: 'listSubscriptions', method: 'get', path: '/subscriptions', tag: 'Subscriptions', summary: 'List subscriptions',
    description: 'Newest first, filtered by `organization_id`, `plan_id`, `status`; keyset pages like /invoices.', query: ZSubscriptionListQuery,
    response: { status: 200, description: 'One page of subscriptions.', schema: ZSubscriptionPage, example: { data: [customers.SUBSCRIPTION], has_more: false, next_cursor: null } }, errors: { 400: ['invalid_cursor'] } },
  { operationId: 'createSubscription', method: 'post', path: '/subscriptions', tag: 'Subscriptions', summary: 'Subscribe an organization',
    description: 'The first period starts now and its invoice is issued at once. A per-agent add-on\'s quantity is the agent count (leave it out). A coupon\'s use is counted here, once per organization ever.',
    body: { schema: ZCreateSubscriptionInput, example: customers.CREATE_SUBSCRIPTION_BODY },
    response: { status: 201, description: 'The new subscription.', schema: ZSubscription, example: customers.SUBSCRIPTION },
    errors: { 409: ['subscription_exists', 'plan_inactive', 'coupon_not_applicable', 'coupon_already_redeemed'] } },
  { operationId: 'getSubscription', method: 'get', path: '/subscriptions/{id}', tag: 'Subscriptions', summary: 'Get a subscription by ID',
    description: 'Its plan, cycle, agents, add-ons, coupon with the cycles it has left, current period, and any pending change or scheduled cancellation.',
    response: { status: 200, description: 'The subscription.', schema: ZSubscription, example: customers.SUBSCRIPTION } },
  { operationId: 'changeSubscription', method: 'post', path: '/subscriptions/{id}/change', tag: 'Subscriptions', summary: 'Change a subscription',
    description: 'A change that raises the recurring amount takes effect now, with day-based proration invoiced at once; one that lowers it, and annual → monthly, at the period end (`pending_change`, replacing any other). Monthly → annual starts a new annual period now. Send the `preview_id` of the preview the operator confirmed: 409 `subscription_changed` when anything moved.',
    body: { schema: ZChangeSubscriptionInput, example: { ...customers.CHANGE_BODY, preview_id: customers.CHANGE_PREVIEW.preview_id } },
    response: { status: 200, description: 'The subscription and, for a change now, the invoice issued.', schema: ZChangeResult, example: { subscription: { ...customers.SUBSCRIPTION, agent_count: 15 }, invoice_id: 'f4b8d2e6-0a1c-4e35-9b7d-3c5e7a9b1d20' } },
    errors: { 409: ['subscription_changed', 'downgrade_at_period_end', 'renewal_due', 'no_change', 'plan_inactive', 'currency_mismatch', 'subscription_cancelled', 'subscription_cancelling', 'period_not_invoiced', 'subscription_busy'] } },
  { operationId: 'previewSubscriptionChange', method: 'post', path: '/subscriptions/{id}/change/preview', tag: 'Subscriptions', summary: 'Preview a subscription change',
    description: 'The same body as the change; writes nothing. Every line of the invoice now (or of the next invoice for a change at period end), MRR before and after, whether a plan-restricted coupon is removed, and `preview_id`.',
    body: { schema: ZChangeSubscriptionInput, example: customers.CHANGE_BODY },
    response: { status: 200, description: 'What the change would do.', schema: ZChangePreview, example: customers.CHANGE_PREVIEW },
    errors: { 409: ['downgrade_at_period_end', 'renewal_due', 'no_change', 'plan_inactive', 'currency_mismatch', 'subscription_cancelled', 'subscription_cancelling', 'period_not_invoiced'] } },
  { operationId: 'cancelSubscriptionChange', method: 'post', path: '/subscriptions/{id}/change/cancel', tag: 'Subscriptions', summary: 'Cancel the scheduled change', description: 'Drops the pending change (a downgrade or a deferred change at period end): the subscription renews as it is. 409 `no_pending_change` when there is none.',
    response: { status: 200, description: 'The subscription without its pending change.', schema: ZSubscription, example: customers.SUBSCRIPTION }, errors: { 409: ['no_pending_change', 'subscription_busy'] } },
  { operationId: 'applySubscriptionCoupon', method: 'post', path: '/subscriptions/{id}/coupon', tag: 'Subscriptions', summary: 'Apply a coupon',
    description: 'Judged now: active, in its window, under `max_uses`, for the plan and currency (409 `coupon_not_applicable` with `reason`). One per subscription; an organization redeems a coupon once, ever.',
    body: { schema: ZApplyCouponInput, example: { code: 'WELCOME20' } },
    response: { status: 200, description: 'The subscription with its coupon.', schema: ZSubscription, example: customers.SUBSCRIPTION },
    errors: { 409: ['coupon_not_applicable', 'coupon_already_applied', 'coupon_already_redeemed', 'subscription_cancelled', 'subscription_busy'] } },
  { operationId: 'removeSubscriptionCoupon', method: 'post', path: '/subscriptions/{id}/coupon/remove', tag: 'Subscriptions', summary: 'Remove the coupon', description: 'The next invoices are not discounted; the use stays counted.',
    response: { status: 200, description: 'The subscription without a coupon.', schema: ZSubscription, example: { ...customers.SUBSCRIPTION, coupon: null } }, errors: { 409: ['no_coupon', 'subscription_busy'] } },
  { operationId: 'cancelSubscription', method: 'post', path: '/subscriptions/{id}/cancel', tag: 'Subscriptions', summary: 'Cancel a subscription',
    description: '`at: period_end` (default) ends it at the period end, reversible with reactivate; `now` ends it at once and drops any pending change. Refunds nothing by itself.',
    body: { schema: ZCancelSubscriptionInput, example: customers.CANCEL_BODY },
    response: { status: 200, description: 'The subscription.', schema: ZSubscription, example: { ...customers.SUBSCRIPTION, cancel_at_period_end: true } }, errors: { 409: ['subscription_cancelled', 'already_cancelling', 'subscription_busy'] } },
  { operationId: 'reactivateSubscription', method: 'post', path: '/subscriptions/{id}/reactivate', tag: 'Subscriptions', summary: 'Reactivate a subscription', description: 'Undoes a cancellation at period end while the period runs.',
    response: { status: 200, description: 'The subscription.', schema: ZSubscription, example: customers.SUBSCRIPTION }, errors: { 409: ['not_cancelling', 'subscription_cancelled', 'subscription_busy'] } },

  { operationId: 'listApiKeys', method: 'get', path: '/api-keys', tag: 'API keys', summary: 'List API keys', description: 'Active and revoked, without secrets.',
    response: { status: 200, description: 'Every key.', schema: z.array(ZApiKey), example: [API_KEY] } },
  { operationId: 'createApiKey', method: 'post', path: '/api-keys', tag: 'API keys', summary: 'Create an API key',
    description: 'The response is the only place the secret ever appears. A retry with the same Idempotency-Key cannot replay it: 409 `api_key_secret_not_replayable` names the key created.',
    body: { schema: ZCreateApiKeyInput, example: CREATE_API_KEY_BODY },
    response: { status: 201, description: 'The key, and its secret (once).', schema: ZCreatedApiKey, example: CREATED_API_KEY }, errors: { 409: ['api_key_secret_not_replayable'] } },
  { operationId: 'revokeApiKey', method: 'post', path: '/api-keys/{id}/revoke', tag: 'API keys', summary: 'Revoke an API key', description: 'For good. Revoking a revoked key returns it unchanged.',
    response: { status: 200, description: 'The revoked key.', schema: ZApiKey, example: REVOKED_API_KEY } },

  { operationId: 'listAuditEntries', method: 'get', path: '/audit-log', tag: 'Audit log', summary: 'List audit log entries',
    description: 'Newest first, keyset pages like /invoices. `actor` is a user or API key id (exact) or part of the actor\'s email or key name. `before`/`after` are the entity as the API showed it.',
    query: ZAuditListQuery,
    response: { status: 200, description: 'One page of audit entries.', schema: ZAuditPage, example: AUDIT_PAGE }, errors: { 400: ['invalid_cursor'] } },

  { operationId: 'getTestClock', method: 'get', path: '/test-clock', tag: 'Test clock', summary: 'Get the server\'s clock',
    description: 'The "now" every billing rule reads (periods, due dates, coupon windows, billing runs, reconciler ages, analytics defaults), and whether it may be moved (`enabled`: started with `TEST_CLOCK=true`). Answered whether or not the test clock is on.',
    response: { status: 200, description: 'The clock.', schema: ZTestClock, example: { enabled: true, now: '2027-01-01T00:00:03.112Z', offset_seconds: 2_592_000 } } },
  { operationId: 'moveTestClock', method: 'post', path: '/test-clock', tag: 'Test clock', summary: 'Move the test clock forward',
    description: 'Only on a server started with `TEST_CLOCK=true` (404 `test_clock_disabled` otherwise; never in production). Every instance over the database moves (the offset is stored in it), and keeps flowing from the new instant. Never backward: an instant before the current one is 409 `clock_backwards`. Audited as `test_clock.moved`.',
    body: { schema: ZMoveTestClockInput, example: { now: '2027-01-01T00:00:00Z' } },
    response: { status: 200, description: 'The clock after the move.', schema: ZTestClock, example: { enabled: true, now: '2027-01-01T00:00:00.004Z', offset_seconds: 2_592_000 } },
    errors: { 404: ['test_clock_disabled'], 409: ['clock_backwards'] } },

  analytics('overview', 'getAnalyticsOverview', 'Get the analytics overview', 'MRR, ARR, subscriptions, churn, ARPA, revenue, refunds and discounts for the range (`current`), and the same for the period of equal length just before it (`previous`).', ZOverview, OVERVIEW),
  analytics('revenue', 'getRevenueSeries', 'Get the revenue time series', 'Gross revenue (by paid date), refunds (by refund date), net and discounts per `interval` bucket; empty buckets are zeros.', ZRevenueSeries, REVENUE_SERIES),
  analytics('plans', 'getPlanBreakdown', 'Get revenue and MRR by plan', 'Per plan: revenue paid in the range, and MRR and active subscriptions at `to`.', ZPlanBreakdown, PLAN_BREAKDOWN),
  analytics('coupons', 'getCouponBreakdown', 'Get redemptions and discounts by coupon', 'Per coupon: redemptions in the range, the discounts they granted, and the discounts on invoices paid in the range.', ZCouponBreakdown),
  analytics('addons', 'getAddonAttach', 'Get add-on attach rates', 'Per add-on: subscriptions that have it at `to`, as a share of the active subscriptions.', ZAddonAttach),
];
