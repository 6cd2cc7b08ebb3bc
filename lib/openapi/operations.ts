import { z } from 'zod';
import { ZAddon, ZCreateAddonInput, ZUpdateAddonInput } from '@/lib/billing/addons/schemas';
import { ZAddonAttach, ZAnalyticsQuery, ZCouponBreakdown, ZOverview, ZPlanBreakdown, ZRevenueSeries } from '@/lib/billing/analytics/schemas';
import { ZApiKey, ZCreateApiKeyInput, ZCreatedApiKey } from '@/lib/auth/api-keys/schemas';
import { ZAuditEntry, ZAuditListQuery, ZAuditPage } from '@/lib/audit/schemas';
import { ZCoupon, ZCreateCouponInput, ZUpdateCouponInput } from '@/lib/billing/coupons/schemas';
import { ZInvoice, ZInvoiceDetail, ZInvoiceListQuery, ZInvoicePage, ZRefund } from '@/lib/billing/invoices/schemas';
import { ZOrganizationPage, ZOrganizationSearchQuery, ZOrganizationSummary } from '@/lib/billing/organizations/schemas';
import { ZCreatePlanInput, ZPlan, ZUpdatePlanInput } from '@/lib/billing/plans/schemas';
import { ZRefundInput, ZRefundResult } from '@/lib/billing/refunds/schemas';
import type { TApiOperation } from './api-operation';
import { API_KEY, CREATED_API_KEY, CREATE_API_KEY_BODY, REVOKED_API_KEY } from './examples/api-keys';
import { OVERVIEW, PLAN_BREAKDOWN, REVENUE_SERIES } from './examples/analytics';
import { AUDIT_PAGE } from './examples/audit-log';
import * as catalog from './examples/catalog';
import { INVOICE_DETAIL, INVOICE_PAGE, REFUND_BODY, REFUND_RESULT } from './examples/invoices';
import { ORGANIZATION_PAGE } from './examples/organizations';
import { ZProblem } from './problem-schema';

/** Response schemas shown once under components and referenced by every operation that returns them. */
export const SCHEMA_COMPONENTS = {
  Plan: ZPlan, Coupon: ZCoupon, Addon: ZAddon,
  Invoice: ZInvoice, InvoicePage: ZInvoicePage, InvoiceDetail: ZInvoiceDetail, Refund: ZRefund, RefundResult: ZRefundResult,
  OrganizationSummary: ZOrganizationSummary, OrganizationPage: ZOrganizationPage,
  ApiKey: ZApiKey, CreatedApiKey: ZCreatedApiKey,
  AuditEntry: ZAuditEntry, AuditPage: ZAuditPage,
  AnalyticsOverview: ZOverview, RevenueSeries: ZRevenueSeries, PlanBreakdown: ZPlanBreakdown, CouponBreakdown: ZCouponBreakdown, AddonAttach: ZAddonAttach,
  Problem: ZProblem,
};

export const TAGS = [
  { name: 'Plans', description: 'Billing plans: prices, limits and features. Never deleted: deactivated.' },
  { name: 'Coupons', description: 'Discount codes. Code and discount are locked once a coupon has been used.' },
  { name: 'Add-ons', description: 'Extras billed on top of a plan, flat or per agent.' },
  { name: 'Invoices', description: 'Issued invoices (keyset-paginated) and their refunds.' },
  { name: 'Organizations', description: 'Tenants, found by name or id (the console\'s organization picker).' },
  { name: 'API keys', description: 'Keys for other services. The secret is shown once, when created, and never stored.' },
  { name: 'Audit log', description: 'Every change to plans, coupons, add-ons, invoices and API keys: who, when, before and after (keyset-paginated).' },
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
  { operationId: 'listPlans', method: 'get', path: '/plans', tag: 'Plans', summary: 'List all billing plans', description: 'Active and inactive, ordered by `sort_order`, then `created_at`. As CSV: `GET /plans.csv`.', csv: { name: 'plans', schema: ZPlan },
    response: { status: 200, description: 'Every plan.', schema: z.array(ZPlan), example: [catalog.STARTER_PLAN, catalog.GROWTH_PLAN] } },
  { operationId: 'createPlan', method: 'post', path: '/plans', tag: 'Plans', summary: 'Create a billing plan', description: 'Defaults: `currency` IDR, `base_price_annual` = monthly × 10, `sort_order` 0; missing features are false.',
    body: { schema: ZCreatePlanInput, example: catalog.CREATE_PLAN_BODY },
    response: { status: 201, description: 'The new plan.', schema: ZPlan, example: catalog.GROWTH_PLAN }, errors: { 409: ['slug_taken'] } },
  { operationId: 'getPlan', method: 'get', path: '/plans/{id}', tag: 'Plans', summary: 'Get a billing plan by ID', description: 'Active or not, with its prices, limits and features.',
    response: { status: 200, description: 'The plan.', schema: ZPlan, example: catalog.GROWTH_PLAN } },
  { operationId: 'updatePlan', method: 'patch', path: '/plans/{id}', tag: 'Plans', summary: 'Update a billing plan', putAlias: true,
    description: 'Any subset of the fields. `limits` and `features` replace the whole object. Issued invoices keep their prices.',
    body: { schema: ZUpdatePlanInput, example: catalog.UPDATE_PLAN_BODY },
    response: { status: 200, description: 'The updated plan.', schema: ZPlan, example: { ...catalog.GROWTH_PLAN, ...catalog.UPDATE_PLAN_BODY } }, errors: { 409: ['slug_taken', 'plan_currency_locked'] } },

  { operationId: 'listCoupons', method: 'get', path: '/coupons', tag: 'Coupons', summary: 'List all coupons', description: 'Newest first, each with its derived `status`. As CSV: `GET /coupons.csv`.', csv: { name: 'coupons', schema: ZCoupon },
    response: { status: 200, description: 'Every coupon.', schema: z.array(ZCoupon), example: [catalog.WELCOME_COUPON] } },
  { operationId: 'createCoupon', method: 'post', path: '/coupons', tag: 'Coupons', summary: 'Create a coupon', description: 'The code is stored uppercase and unique ignoring case. `valid_from` defaults to now.',
    body: { schema: ZCreateCouponInput, example: catalog.CREATE_COUPON_BODY },
    response: { status: 201, description: 'The new coupon.', schema: ZCoupon, example: catalog.WELCOME_COUPON }, errors: { 409: ['code_taken'] } },
  { operationId: 'getCoupon', method: 'get', path: '/coupons/{id}', tag: 'Coupons', summary: 'Get a coupon by ID', description: 'With its use count and derived `status`.',
    response: { status: 200, description: 'The coupon.', schema: ZCoupon, example: catalog.WELCOME_COUPON } },
  { operationId: 'updateCoupon', method: 'patch', path: '/coupons/{id}', tag: 'Coupons', summary: 'Update a coupon', putAlias: true,
    description: '`code`, `discount_type`, `discount_value` and `currency` change only while `current_uses` is 0.',
    body: { schema: ZUpdateCouponInput, example: catalog.UPDATE_COUPON_BODY },
    response: { status: 200, description: 'The updated coupon.', schema: ZCoupon, example: { ...catalog.WELCOME_COUPON, max_uses: 200 } },
    errors: { 409: ['code_taken', 'coupon_in_use', 'max_uses_below_current_uses'] } },

  { operationId: 'listAddons', method: 'get', path: '/addons', tag: 'Add-ons', summary: 'List all add-ons', description: 'Ordered by `sort_order`, then `created_at`. As CSV: `GET /addons.csv`.', csv: { name: 'addons', schema: ZAddon },
    response: { status: 200, description: 'Every add-on.', schema: z.array(ZAddon), example: [catalog.WHATSAPP_ADDON] } },
  { operationId: 'createAddon', method: 'post', path: '/addons', tag: 'Add-ons', summary: 'Create an add-on', description: 'Defaults: `price_annual` = monthly × 10, `unit` flat, `sort_order` 0. Priced in IDR.',
    body: { schema: ZCreateAddonInput, example: catalog.CREATE_ADDON_BODY },
    response: { status: 201, description: 'The new add-on.', schema: ZAddon, example: catalog.WHATSAPP_ADDON }, errors: { 409: ['slug_taken'] } },
  { operationId: 'getAddon', method: 'get', path: '/addons/{id}', tag: 'Add-ons', summary: 'Get an add-on by ID', description: 'Active or not, with its prices and unit.',
    response: { status: 200, description: 'The add-on.', schema: ZAddon, example: catalog.WHATSAPP_ADDON } },
  { operationId: 'updateAddon', method: 'patch', path: '/addons/{id}', tag: 'Add-ons', summary: 'Update an add-on', putAlias: true,
    description: '`slug` and `unit` are fixed after creation: sending them is 400.',
    body: { schema: ZUpdateAddonInput, example: catalog.UPDATE_ADDON_BODY },
    response: { status: 200, description: 'The updated add-on.', schema: ZAddon, example: { ...catalog.WHATSAPP_ADDON, ...catalog.UPDATE_ADDON_BODY } } },

  { operationId: 'listInvoices', method: 'get', path: '/invoices', tag: 'Invoices', summary: 'List invoices',
    description: 'Newest first. Keyset pages: pass `next_cursor` as `starting_after`; stable under inserts. As CSV: `GET /invoices.csv`, every matching invoice (not one page), at most 100,000.',
    query: ZInvoiceListQuery, csv: { name: 'invoices', schema: ZInvoice, errors: { 400: ['export_too_large'] } },
    response: { status: 200, description: 'One page of invoices.', schema: ZInvoicePage, example: INVOICE_PAGE }, errors: { 400: ['invalid_cursor'] } },
  { operationId: 'getInvoice', method: 'get', path: '/invoices/{id}', tag: 'Invoices', summary: 'Get an invoice by ID', description: 'With its lines, payments and refunds.',
    response: { status: 200, description: 'The invoice.', schema: ZInvoiceDetail, example: INVOICE_DETAIL } },
  { operationId: 'refundInvoice', method: 'post', path: '/invoices/{id}/refund', tag: 'Invoices', summary: 'Refund an invoice',
    description: 'Without `amount`, refunds everything still refundable. Send an `Idempotency-Key`: a retry never refunds twice. Checks run in order: body (400), invoice status (409), amount ≤ refundable (422).',
    body: { schema: ZRefundInput, example: REFUND_BODY },
    response: { status: 201, description: 'The refund and the invoice\'s new status.', schema: ZRefundResult, example: REFUND_RESULT },
    errors: { 409: ['invoice_not_refundable', 'invoice_changed'], 422: ['refund_exceeds_refundable'] } },

  { operationId: 'searchOrganizations', method: 'get', path: '/organizations', tag: 'Organizations', summary: 'Search organizations',
    description: '`search` is a case-insensitive part of the name (`%` and `_` match themselves), or an organization\'s exact id when it is a UUID; without it, every organization. By name (ignoring case), then id; keyset pages of at most 50: pass `next_cursor` as `starting_after`.',
    query: ZOrganizationSearchQuery,
    response: { status: 200, description: 'One page of organizations.', schema: ZOrganizationPage, example: ORGANIZATION_PAGE }, errors: { 400: ['invalid_cursor'] } },

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

  analytics('overview', 'getAnalyticsOverview', 'Get the analytics overview', 'MRR, ARR, subscriptions, churn, ARPA, revenue, refunds and discounts for the range (`current`), and the same for the period of equal length just before it (`previous`).', ZOverview, OVERVIEW),
  analytics('revenue', 'getRevenueSeries', 'Get the revenue time series', 'Gross revenue (by paid date), refunds (by refund date), net and discounts per `interval` bucket; empty buckets are zeros.', ZRevenueSeries, REVENUE_SERIES),
  analytics('plans', 'getPlanBreakdown', 'Get revenue and MRR by plan', 'Per plan: revenue paid in the range, and MRR and active subscriptions at `to`.', ZPlanBreakdown, PLAN_BREAKDOWN),
  analytics('coupons', 'getCouponBreakdown', 'Get redemptions and discounts by coupon', 'Per coupon: redemptions in the range, the discounts they granted, and the discounts on invoices paid in the range.', ZCouponBreakdown),
  analytics('addons', 'getAddonAttach', 'Get add-on attach rates', 'Per add-on: subscriptions that have it at `to`, as a share of the active subscriptions.', ZAddonAttach),
];
