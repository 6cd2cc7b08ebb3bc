import { nowMs } from '@/lib/clock';
import { CREATE_ADDON_BODY, CREATE_COUPON_BODY, CREATE_PLAN_BODY } from './examples/catalog';

/** Records the contract test creates first, so every operation has something real to act on. */
export interface TContractFixtures {
  planId: string;
  planSlug: string;
  /** Another plan's slug: taking it in an update is 409. */
  otherPlanSlug: string;
  couponId: string;
  couponCode: string;
  addonId: string;
  addonSlug: string;
  apiKeyId: string;
  paidInvoiceId: string;
  /** A paid invoice with 11% PPN, partly refunded: it has a credit note. */
  creditedInvoiceId: string;
  creditNoteId: string;
  draftInvoiceId: string;
  openInvoiceId: string;
  /** Customers (SPEC §10): each mutating operation gets a subscription of its own. */
  organizationId: string;
  organizationSlug: string;
  /** An organization without a subscription: subscribing it succeeds. */
  freeOrganizationId: string;
  /** Live subscriptions on the contract plan, 2 agents, no coupon. */
  subscriptionId: string;
  subscriptionToChange: string;
  subscriptionToCoupon: string;
  subscriptionToCancel: string;
  /** With a pending change (a downgrade scheduled), with a coupon, cancelling at period end. */
  subscriptionWithPendingChange: string;
  subscriptionWithCoupon: string;
  subscriptionCancelling: string;
  /** An open invoice that takes payments (the void case voids openInvoiceId). */
  payableInvoiceId: string;
  /** The paid invoice's organization (its subscription started when the fixture was made): usage is reported for it. */
  usageOrganizationId: string;
  billingRunId: string;
}

/** One call of an operation, and the status it must answer with (the document must describe that response). */
export interface TContractCase {
  name: string;
  status: number;
  /** Path parameters by name (`id`, `creditNoteId`). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

const unique = () => Math.random().toString(36).slice(2, 10);
const NOT_A_UUID = { name: 'a non-UUID id is 404', status: 404, params: { id: 'not-a-uuid' } };
const UNKNOWN_ID = { name: 'an unknown id is 404', status: 404, params: { id: '00000000-0000-4000-8000-000000000000' } };
/** `If-None-Match: *` matches any current answer (lib/http/conditional-get.ts): 304, no body. */
const NOT_MODIFIED: TContractCase = { name: 'If-None-Match: * is 304', status: 304, headers: { 'If-None-Match': '*' } };

/** `GET <list>.csv` (lib/http/respond-list.ts): CSV whatever Accept says; the list's filters apply. */
const csvCases = (query: Record<string, string> = {}): TContractCase[] => [
  { name: 'as CSV', status: 200, query },
  { name: 'as CSV even for Accept: application/json', status: 200, query, headers: { accept: 'application/json' } },
];

const planUpdate = (fixtures: TContractFixtures): TContractCase[] => [
  { name: 'a valid update', status: 200, params: { id: fixtures.planId }, body: { base_price_monthly: 849_000, features: { ai_agent: true } } },
  { name: 'incomplete limits are 400', status: 400, params: { id: fixtures.planId }, body: { limits: { max_agents: 1 } } },
  { name: 'a plan\'s taken slug is 409', status: 409, params: { id: fixtures.planId }, body: { slug: fixtures.otherPlanSlug } },
  NOT_A_UUID,
];
const couponUpdate = (fixtures: TContractFixtures): TContractCase[] => [
  { name: 'a valid update', status: 200, params: { id: fixtures.couponId }, body: { max_uses: 500, is_active: true } },
  { name: 'an unknown field is 400', status: 400, params: { id: fixtures.couponId }, body: { current_uses: 3 } },
  NOT_A_UUID,
];
const addonUpdate = (fixtures: TContractFixtures): TContractCase[] => [
  { name: 'a valid update', status: 200, params: { id: fixtures.addonId }, body: { price_monthly: 175_000, description: '' } },
  { name: 'a slug is fixed after creation: 400', status: 400, params: { id: fixtures.addonId }, body: { slug: 'renamed' } },
  UNKNOWN_ID,
];
const analyticsCases = (): TContractCase[] => [
  { name: 'the default range', status: 200 },
  { name: 'a monthly series over a year', status: 200, query: { from: '2025-01-01', to: '2026-01-01', interval: 'month', currency: 'IDR' } },
  { name: 'an impossible date is 400', status: 400, query: { from: '2026-02-30' } },
  { name: 'an unknown parameter is 400', status: 400, query: { period: 'week' } },
];

/**
 * The calls the contract test makes per operationId, beside the ones it makes for every
 * operation (no credentials → 401, a non-super-admin → 403). Every documented operation needs an
 * entry here, with a success and at least one failure.
 */
export const CONTRACT_CASES: Record<string, (fixtures: TContractFixtures) => TContractCase[]> = {
  listPlans: (): TContractCase[] => [{ name: 'every plan', status: 200 }, NOT_MODIFIED],
  listPlansCsv: (): TContractCase[] => csvCases(),
  createPlan: (fixtures): TContractCase[] => [
    { name: 'a valid plan', status: 201, body: { ...CREATE_PLAN_BODY, slug: `contract-${unique()}` }, headers: { 'Idempotency-Key': `contract-${unique()}` } },
    { name: 'a bad slug and a negative price are 400', status: 400, body: { ...CREATE_PLAN_BODY, slug: 'Not A Slug', base_price_monthly: -1 } },
    { name: 'a taken slug is 409', status: 409, body: { ...CREATE_PLAN_BODY, slug: fixtures.planSlug } },
    { name: 'invalid JSON is 400', status: 400, rawBody: '{"name": ' },
    { name: 'a body that is not JSON is 415', status: 415, rawBody: 'name=Growth', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { name: 'a body over 64 KiB is 413', status: 413, body: { ...CREATE_PLAN_BODY, name: 'x'.repeat(70_000) } },
    { name: 'an Idempotency-Key over 255 characters is 400', status: 400, body: CREATE_PLAN_BODY, headers: { 'Idempotency-Key': 'k'.repeat(256) } },
  ],
  getPlan: (fixtures): TContractCase[] => [{ name: 'a plan', status: 200, params: { id: fixtures.planId } }, { ...NOT_MODIFIED, params: { id: fixtures.planId } }, NOT_A_UUID, UNKNOWN_ID],
  updatePlan: planUpdate,
  updatePlanPut: planUpdate,

  listCoupons: (): TContractCase[] => [{ name: 'every coupon', status: 200 }, NOT_MODIFIED],
  listCouponsCsv: (): TContractCase[] => csvCases(),
  createCoupon: (fixtures): TContractCase[] => [
    { name: 'a valid coupon', status: 201, body: { ...CREATE_COUPON_BODY, code: `C${unique()}` } },
    { name: 'a percentage coupon with a currency is 400', status: 400, body: { code: `P${unique()}`, discount_type: 'percentage', discount_value: 20, currency: 'IDR' } },
    { name: 'a taken code (any case) is 409', status: 409, body: { ...CREATE_COUPON_BODY, code: fixtures.couponCode.toLowerCase() } },
  ],
  getCoupon: (fixtures): TContractCase[] => [{ name: 'a coupon', status: 200, params: { id: fixtures.couponId } }, { ...NOT_MODIFIED, params: { id: fixtures.couponId } }, UNKNOWN_ID],
  updateCoupon: couponUpdate,
  updateCouponPut: couponUpdate,

  listAddons: (): TContractCase[] => [{ name: 'every add-on', status: 200 }, NOT_MODIFIED],
  listAddonsCsv: (): TContractCase[] => csvCases(),
  createAddon: (fixtures): TContractCase[] => [
    { name: 'a valid add-on', status: 201, body: { ...CREATE_ADDON_BODY, slug: `addon-${unique()}`, unit: 'per_agent' } },
    { name: 'a fractional rupiah price is 400', status: 400, body: { ...CREATE_ADDON_BODY, slug: `addon-${unique()}`, price_monthly: 150_000.5 } },
    { name: 'a taken slug is 409', status: 409, body: { ...CREATE_ADDON_BODY, slug: fixtures.addonSlug } },
  ],
  getAddon: (fixtures): TContractCase[] => [{ name: 'an add-on', status: 200, params: { id: fixtures.addonId } }, { ...NOT_MODIFIED, params: { id: fixtures.addonId } }, NOT_A_UUID],
  updateAddon: addonUpdate,
  updateAddonPut: addonUpdate,

  listInvoices: (): TContractCase[] => [
    { name: 'the first page', status: 200, query: { limit: '5' } },
    { name: 'filtered by status and dates', status: 200, query: { status: 'paid', from: '2020-01-01', to: '2100-01-01', q: 'TEST' } },
    { name: 'a limit of 0 is 400', status: 400, query: { limit: '0' } },
    { name: 'a cursor naming no invoice is 400', status: 400, query: { starting_after: '00000000-0000-4000-8000-000000000000' } },
  ],
  listInvoicesCsv: (): TContractCase[] => [
    ...csvCases({ status: 'paid' }),
    { name: 'an unknown status is 400', status: 400, query: { status: 'lost' } },
  ],
  getInvoice: (fixtures): TContractCase[] => [{ name: 'an invoice with lines and a credit note', status: 200, params: { id: fixtures.creditedInvoiceId } }, { ...NOT_MODIFIED, params: { id: fixtures.creditedInvoiceId } }, NOT_A_UUID, UNKNOWN_ID],
  refundInvoice: (fixtures): TContractCase[] => [
    { name: 'a partial refund', status: 201, params: { id: fixtures.paidInvoiceId }, body: { reason: 'Contract test', amount: 1_000 }, headers: { 'Idempotency-Key': `refund-${unique()}` } },
    { name: 'an empty reason is 400', status: 400, params: { id: fixtures.paidInvoiceId }, body: { reason: '' } },
    { name: 'more than is refundable is 422', status: 422, params: { id: fixtures.paidInvoiceId }, body: { reason: 'Too much', amount: 999_999_999 } },
    { name: 'a draft invoice is 409', status: 409, params: { id: fixtures.draftInvoiceId }, body: { reason: 'Not paid' } },
    { ...NOT_A_UUID, body: { reason: 'x' } },
  ],

  startBillingRun: (): TContractCase[] => [{ name: 'a run over everything due', status: 201, headers: { 'Idempotency-Key': `run-${unique()}` } }],
  listBillingRuns: (): TContractCase[] => [
    { name: 'the first page', status: 200, query: { limit: '5' } },
    { name: 'a limit of 0 is 400', status: 400, query: { limit: '0' } },
    { name: 'a cursor naming no run is 400', status: 400, query: { starting_after: '00000000-0000-4000-8000-000000000000' } },
  ],
  getBillingRun: (fixtures): TContractCase[] => [{ name: 'a run', status: 200, params: { id: fixtures.billingRunId } }, NOT_A_UUID, UNKNOWN_ID],
  recordUsage: (fixtures): TContractCase[] => {
    const event = (over: object = {}) => ({ organization_id: fixtures.usageOrganizationId, messages: 10, occurred_at: new Date(Date.now() + 1_000).toISOString(), event_id: `contract-${unique()}`, ...over });
    return [
      { name: 'one event', status: 200, body: event() },
      { name: 'a batch', status: 200, body: { events: [event(), event({ occurred_at: '2020-01-01T00:00:00Z' })] } },
      { name: 'negative messages are 400', status: 400, body: { events: [event(), event({ messages: -1 })] } },
      { name: 'an unknown organization is 400', status: 400, body: event({ organization_id: '00000000-0000-4000-8000-000000000000' }) },
      { name: 'an event in an invoiced period is 409', status: 409, body: event({ occurred_at: '2020-01-01T00:00:00Z' }) },
    ];
  },
  voidInvoice: (fixtures): TContractCase[] => [
    { name: 'an open invoice', status: 200, params: { id: fixtures.openInvoiceId }, body: { reason: 'Contract test' }, headers: { 'Idempotency-Key': `void-${unique()}` } },
    { name: 'an empty reason is 400', status: 400, params: { id: fixtures.openInvoiceId }, body: { reason: '' } },
    { name: 'a paid invoice is 409', status: 409, params: { id: fixtures.paidInvoiceId }, body: { reason: 'Paid already' } },
    { ...NOT_A_UUID, body: { reason: 'x' } },
  ],
  getInvoicePdf: (fixtures): TContractCase[] => [{ name: 'an invoice as PDF', status: 200, params: { id: fixtures.paidInvoiceId } }, NOT_A_UUID, UNKNOWN_ID],
  getCreditNotePdf: (fixtures): TContractCase[] => [
    { name: 'a credit note as PDF', status: 200, params: { id: fixtures.creditedInvoiceId, creditNoteId: fixtures.creditNoteId } },
    { name: 'a credit note of another invoice is 404', status: 404, params: { id: fixtures.paidInvoiceId, creditNoteId: fixtures.creditNoteId } },
    { name: 'a non-UUID credit note id is 404', status: 404, params: { id: fixtures.creditedInvoiceId, creditNoteId: 'not-a-uuid' } },
    { name: 'an unknown invoice is 404', status: 404, params: { id: '00000000-0000-4000-8000-000000000000', creditNoteId: fixtures.creditNoteId } },
  ],
  recordPayment: (fixtures): TContractCase[] => [
    { name: 'a partial bank transfer', status: 201, params: { id: fixtures.payableInvoiceId }, body: { amount: 1_000, method: 'bank_transfer', reference: `BCA-${unique()}` }, headers: { 'Idempotency-Key': `payment-${unique()}` } },
    { name: 'an unknown method is 400', status: 400, params: { id: fixtures.payableInvoiceId }, body: { amount: 1_000, method: 'cheque', reference: 'x' } },
    { name: 'more than is due is 422', status: 422, params: { id: fixtures.payableInvoiceId }, body: { amount: 999_999_999, method: 'qris', reference: `QR-${unique()}` } },
    { name: 'a draft invoice is 409', status: 409, params: { id: fixtures.draftInvoiceId }, body: { amount: 1_000, method: 'other', reference: `X-${unique()}` } },
    { ...NOT_A_UUID, body: { amount: 1, method: 'other', reference: 'x' } },
  ],

  reconcileRefunds: (): TContractCase[] => [
    { name: 'every refund pending too long', status: 200, body: {} },
    { name: 'one refund now', status: 200, body: { refund_ids: ['00000000-0000-4000-8000-000000000000'] } },
    { name: 'a refund id that is not a UUID is 400', status: 400, body: { refund_ids: ['x'] } },
  ],

  searchOrganizations: (): TContractCase[] => [
    { name: 'the first page by name', status: 200, query: { limit: '5' } },
    { name: 'a part of a name, any case', status: 200, query: { search: 'ORG' } },
    { name: 'an id', status: 200, query: { search: '00000000-0000-4000-8000-000000000000' } },
    { name: 'a limit over 50 is 400', status: 400, query: { limit: '51' } },
    { name: 'a cursor naming no organization is 400', status: 400, query: { starting_after: '00000000-0000-4000-8000-000000000000' } },
  ],

  createOrganization: (fixtures): TContractCase[] => [
    { name: 'a valid organization', status: 201, body: { name: 'Contract tenant', slug: `contract-${unique()}`, billing_email: 'billing@contract.test', country: 'ID', tax_id: '01.234.567.8-901.000' } },
    { name: 'a malformed NPWP is 400', status: 400, body: { name: 'X', slug: `contract-${unique()}`, billing_email: 'billing@contract.test', country: 'ID', tax_id: '12' } },
    { name: 'a taken slug is 409', status: 409, body: { name: 'X', slug: fixtures.organizationSlug, billing_email: 'billing@contract.test', country: 'ID' } },
  ],
  getOrganization: (fixtures): TContractCase[] => [{ name: 'an organization with its subscription', status: 200, params: { id: fixtures.organizationId } }, NOT_A_UUID, UNKNOWN_ID],
  updateOrganization: (fixtures): TContractCase[] => [
    { name: 'a valid update', status: 200, params: { id: fixtures.organizationId }, body: { billing_email: 'finance@contract.test' } },
    { name: 'an unknown field is 400', status: 400, params: { id: fixtures.organizationId }, body: { status: 'vip' } },
    UNKNOWN_ID,
  ],

  listSubscriptions: (fixtures): TContractCase[] => [
    { name: 'the first page', status: 200, query: { limit: '5' } },
    { name: 'one organization\'s', status: 200, query: { organization_id: fixtures.organizationId, status: 'active' } },
    { name: 'an unknown status is 400', status: 400, query: { status: 'paused' } },
    { name: 'a cursor naming no subscription is 400', status: 400, query: { starting_after: '00000000-0000-4000-8000-000000000000' } },
  ],
  createSubscription: (fixtures): TContractCase[] => [
    { name: 'a subscription', status: 201, body: { organization_id: fixtures.freeOrganizationId, plan_id: fixtures.planId, billing_cycle: 'monthly', agent_count: 3 } },
    { name: 'zero agents is 400', status: 400, body: { organization_id: fixtures.freeOrganizationId, plan_id: fixtures.planId, billing_cycle: 'monthly', agent_count: 0 } },
    { name: 'a second live subscription is 409', status: 409, body: { organization_id: fixtures.organizationId, plan_id: fixtures.planId, billing_cycle: 'monthly', agent_count: 1 } },
  ],
  getSubscription: (fixtures): TContractCase[] => [{ name: 'a subscription', status: 200, params: { id: fixtures.subscriptionId } }, NOT_A_UUID, UNKNOWN_ID],
  changeSubscription: (fixtures): TContractCase[] => [
    { name: 'more agents, now', status: 200, params: { id: fixtures.subscriptionToChange }, body: { agent_count: 20 } },
    { name: 'an empty change is 400', status: 400, params: { id: fixtures.subscriptionToChange }, body: {} },
    { name: 'an immediate downgrade is 409', status: 409, params: { id: fixtures.subscriptionToChange }, body: { agent_count: 1, timing: 'now' } },
    { ...UNKNOWN_ID, body: { agent_count: 2 } },
  ],
  previewSubscriptionChange: (fixtures): TContractCase[] => [
    { name: 'a downgrade at period end', status: 200, params: { id: fixtures.subscriptionId }, body: { agent_count: 1 } },
    { name: 'an upgrade now', status: 200, params: { id: fixtures.subscriptionId }, body: { agent_count: 30 } },
    { name: 'the same terms are 409', status: 409, params: { id: fixtures.subscriptionId }, body: { agent_count: 2 } },
    { name: 'an unknown timing is 400', status: 400, params: { id: fixtures.subscriptionId }, body: { agent_count: 3, timing: 'tomorrow' } },
  ],
  cancelSubscriptionChange: (fixtures): TContractCase[] => [
    { name: 'the pending change', status: 200, params: { id: fixtures.subscriptionWithPendingChange } },
    { name: 'no pending change is 409', status: 409, params: { id: fixtures.subscriptionId } },
    NOT_A_UUID,
  ],
  applySubscriptionCoupon: (fixtures): TContractCase[] => [
    { name: 'a coupon', status: 200, params: { id: fixtures.subscriptionToCoupon }, body: { code: fixtures.couponCode.toLowerCase() } },
    { name: 'a second coupon is 409', status: 409, params: { id: fixtures.subscriptionToCoupon }, body: { code: fixtures.couponCode } },
    { name: 'a malformed code is 400', status: 400, params: { id: fixtures.subscriptionToCoupon }, body: { code: 'a b' } },
  ],
  removeSubscriptionCoupon: (fixtures): TContractCase[] => [
    { name: 'the coupon', status: 200, params: { id: fixtures.subscriptionWithCoupon } },
    { name: 'no coupon is 409', status: 409, params: { id: fixtures.subscriptionWithCoupon } },
  ],
  cancelSubscription: (fixtures): TContractCase[] => [
    { name: 'at period end', status: 200, params: { id: fixtures.subscriptionToCancel }, body: { reason: 'Contract test' } },
    { name: 'already cancelling is 409', status: 409, params: { id: fixtures.subscriptionToCancel }, body: { at: 'period_end', reason: 'Again' } },
    { name: 'no reason is 400', status: 400, params: { id: fixtures.subscriptionToCancel }, body: { at: 'now' } },
  ],
  reactivateSubscription: (fixtures): TContractCase[] => [
    { name: 'a cancelling subscription', status: 200, params: { id: fixtures.subscriptionCancelling } },
    { name: 'one not cancelling is 409', status: 409, params: { id: fixtures.subscriptionCancelling } },
  ],

  listApiKeys: (): TContractCase[] => [{ name: 'every key', status: 200 }],
  createApiKey: (): TContractCase[] => [
    { name: 'a valid key', status: 201, body: { name: `Contract ${unique()}`, role: 'support' } },
    { name: 'an unknown role is 400', status: 400, body: { name: 'Contract', role: 'owner' } },
  ],
  revokeApiKey: (fixtures): TContractCase[] => [{ name: 'a key', status: 200, params: { id: fixtures.apiKeyId } }, NOT_A_UUID, UNKNOWN_ID],

  listAuditEntries: (fixtures): TContractCase[] => [
    { name: 'the first page', status: 200, query: { limit: '5' } },
    { name: 'one plan\'s history', status: 200, query: { entity_type: 'plan', entity_id: fixtures.planId, action: 'plan.updated', from: '2020-01-01', to: '2100-01-01' } },
    { name: 'an unknown entity type is 400', status: 400, query: { entity_type: 'tenant' } },
    { name: 'a cursor naming no entry is 400', status: 400, query: { starting_after: '00000000-0000-4000-8000-000000000000' } },
  ],

  // The contract test runs with TEST_CLOCK=true (set in its beforeAll): a minute ahead moves nothing that matters to the other cases.
  getTestClock: (): TContractCase[] => [{ name: 'the clock', status: 200 }],
  moveTestClock: (): TContractCase[] => [
    { name: 'a minute ahead', status: 200, body: { now: new Date(nowMs() + 60_000).toISOString() } },
    { name: 'backward is 409', status: 409, body: { now: '2020-01-01T00:00:00Z' } },
    { name: 'not a timestamp is 400', status: 400, body: { now: 'tomorrow' } },
  ],

  getAnalyticsOverview: analyticsCases,
  getRevenueSeries: analyticsCases,
  getPlanBreakdown: analyticsCases,
  getCouponBreakdown: analyticsCases,
  getAddonAttach: analyticsCases,
};
