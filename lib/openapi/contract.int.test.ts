import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApiJson } from '@/app/api/v1/admin/billing/openapi.json/route';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute, type CallResult } from '@/tests/integration/call-route';
import { openApiValidator } from '@/tests/integration/openapi-validator';
import { listRouteHandlers, loadRouteHandler } from '@/scripts/lib/in-process/route-handlers';
import { runBilling } from '@/lib/billing/runs/run-billing';
import { db } from '@/lib/db';
import { buildOpenApiDocument } from './build-document';
import { API_BASE_PATH } from './paths';
import { CONTRACT_CASES, type TContractCase, type TContractFixtures } from './contract-cases';
import { CREATE_ADDON_BODY, CREATE_COUPON_BODY, CREATE_PLAN_BODY } from './examples/catalog';

const ROUTES_ROOT = 'app/api/v1/admin/billing';
/** Route files that are not operations of the API: the guarded 404 for unknown paths, and the document itself. */
const NOT_OPERATIONS = ['[...path]', 'openapi.json'];

const document = buildOpenApiDocument();
const validator = openApiValidator(document);
const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { operationId: string }>).map(([method, operation]) => ({ path, method, operationId: operation.operationId })),
);

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validation = new Validator();
    const result = await validation.validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validation.version).toBe('3.1');
  });

  it('is served publicly at /openapi.json', async () => {
    const response = await callRoute(getOpenApiJson, { path: `${API_BASE_PATH}/openapi.json` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('has examples that fit their own schemas', () => {
    const results = validator.validateExamples();
    expect(results.length).toBeGreaterThan(100);
    expect(results.filter((result) => result.errors.length > 0)).toEqual([]);
  });

  it('is checked strictly: an unknown field, a missing field or a wrong type fails', () => {
    const plan = { id: '0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57', name: 'Growth' };
    const check = (body: unknown) => validator.validateResponse('/plans/{id}', 'get', 200, 'application/json', body);
    const valid = (document.paths!['/plans'] as { post: { responses: Record<string, { content: Record<string, { example: object }> }> } }).post.responses['201']!.content['application/json']!.example;
    expect(check(valid)).toEqual([]);
    expect(check({ ...valid, secret_field: 1 }).join()).toMatch(/additional/);
    expect(check(plan).join()).toMatch(/required/);
    expect(check({ ...valid, base_price_monthly: '799000' }).join()).toMatch(/number/);
    expect(validator.validateResponse('/plans', 'get', 418, 'application/json', [])).toHaveLength(1);
  });

  it('uses the seed\'s names for the seed\'s operations', () => {
    const summaries = documented.map(({ path, method }) => (document.paths![path] as Record<string, { summary: string }>)[method]!.summary);
    for (const name of ['List all billing plans', 'Create a billing plan', 'Update a billing plan', 'List all coupons', 'Create a coupon', 'Update a coupon', 'List all add-ons', 'Create an add-on', 'Update an add-on', 'Refund an invoice', 'Void an invoice', 'Download an invoice as PDF']) {
      expect(summaries).toContain(name);
    }
  });
});

describe('drift between route handlers and the document', () => {
  it('documents every handler under the billing API, and every documented operation has a handler', async () => {
    const routes = await listRouteHandlers(ROUTES_ROOT);
    expect(routes.map((route) => route.folder)).toEqual(expect.arrayContaining(NOT_OPERATIONS));
    const handled = routes
      .filter((route) => !NOT_OPERATIONS.includes(route.folder))
      .flatMap((route) => route.methods.map((method) => `${method} ${route.path}`))
      .sort();
    const inDocument = documented.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort();
    expect(handled.length).toBeGreaterThanOrEqual(26);
    expect(inDocument).toEqual(handled);
  });
});

describe('every documented operation, called in-process, answers as documented', () => {
  let fixtures: TContractFixtures;
  let superAdmin: ReturnType<typeof apiAs>;
  let admin: ReturnType<typeof apiAs>;
  const exercised = new Set<string>();

  beforeAll(async () => {
    // moveTestClock's success case needs a server started with the test clock on (issue #19); only the test-clock routes read it.
    process.env.TEST_CLOCK = 'true';
    superAdmin = apiAs((await credentialsFor('super_admin')).bearer);
    admin = apiAs((await credentialsFor('admin')).bearer);
    const create = async (path: string, body: object) => {
      const result = await superAdmin(await loadRouteHandler(ROUTES_ROOT, path, 'POST'), { method: 'POST', body });
      expect(result.status, JSON.stringify(result.body)).toBe(201);
      return result.body as { id: string; slug?: string; code?: string };
    };
    const plan = await create('/plans', { ...CREATE_PLAN_BODY, slug: 'contract-growth' });
    const otherPlan = await create('/plans', { ...CREATE_PLAN_BODY, slug: 'contract-starter' });
    const coupon = await create('/coupons', { ...CREATE_COUPON_BODY, code: 'CONTRACT10' });
    const addon = await create('/addons', { ...CREATE_ADDON_BODY, slug: 'contract-addon' });
    const paidInvoice = await createInvoiceFixture({ status: 'paid', total: '111000' });
    const credited = await createInvoiceFixture({ status: 'paid', total: '111000', taxTotal: '11000' });
    const refunded = await superAdmin(await loadRouteHandler(ROUTES_ROOT, '/invoices/{id}/refund', 'POST'), { method: 'POST', params: { id: credited.id }, body: { reason: 'Contract credit note', amount: 11_100 } });
    expect(refunded.status, refunded.text).toBe(201);
    fixtures = {
      planId: plan.id, planSlug: plan.slug!, otherPlanSlug: otherPlan.slug!,
      couponId: coupon.id, couponCode: coupon.code!,
      addonId: addon.id, addonSlug: addon.slug!,
      apiKeyId: (await create('/api-keys', { name: 'Contract key', role: 'support' }) as unknown as { api_key: { id: string } }).api_key.id,
      paidInvoiceId: paidInvoice.id,
      creditedInvoiceId: credited.id,
      creditNoteId: (await db().creditNote.findFirstOrThrow({ where: { invoiceId: credited.id } })).id,
      draftInvoiceId: (await createInvoiceFixture({ status: 'draft' })).id,
      usageOrganizationId: paidInvoice.organizationId,
      billingRunId: (await runBilling({ trigger: 'api', actor: 'system' })).id,
      openInvoiceId: (await createInvoiceFixture({ status: 'open' })).id,
      ...(await customerFixtures(create, plan.id, coupon.code!)),
      payableInvoiceId: (await createInvoiceFixture({ status: 'open', total: '111000' })).id,
    };
  });

  /** Organizations and subscriptions (SPEC §10), made through the API like everything else here. */
  async function customerFixtures(create: (path: string, body: object) => Promise<{ id: string; slug?: string }>, planId: string, couponCode: string) {
    let n = 0;
    const organization = () => create('/organizations', { name: `Contract tenant ${++n}`, slug: `contract-tenant-${n}`, billing_email: `billing${n}@contract.test`, country: 'ID' });
    const subscription = async (extra: object = {}) => (await create('/subscriptions', { organization_id: (await organization()).id, plan_id: planId, billing_cycle: 'monthly', agent_count: 2, ...extra })).id;
    const post = async (path: string, id: string, body: object) => {
      const result = await superAdmin(await loadRouteHandler(ROUTES_ROOT, path, 'POST'), { method: 'POST', params: { id }, body });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
    };
    const main = await organization();
    const subscriptionWithPendingChange = await subscription({ agent_count: 5 });
    await post('/subscriptions/{id}/change', subscriptionWithPendingChange, { agent_count: 1 });
    const subscriptionCancelling = await subscription();
    await post('/subscriptions/{id}/cancel', subscriptionCancelling, { reason: 'Contract fixture' });
    return {
      organizationId: main.id, organizationSlug: main.slug!, freeOrganizationId: (await organization()).id,
      subscriptionId: (await create('/subscriptions', { organization_id: main.id, plan_id: planId, billing_cycle: 'monthly', agent_count: 2 })).id,
      subscriptionToChange: await subscription(), subscriptionToCoupon: await subscription(), subscriptionToCancel: await subscription(),
      subscriptionWithPendingChange, subscriptionWithCoupon: await subscription({ coupon_code: couponCode }), subscriptionCancelling,
    };
  }

  async function call(path: string, method: string, caller: ReturnType<typeof apiAs> | null, testCase: TContractCase): Promise<CallResult> {
    const handler = await loadRouteHandler(ROUTES_ROOT, path, method);
    const concretePath = `${API_BASE_PATH}${path.replace(/\{(\w+)\}/g, (_, name: string) => testCase.params?.[name] ?? '00000000-0000-4000-8000-000000000000')}`;
    const options = { method: method.toUpperCase(), path: concretePath, params: testCase.params ?? {}, query: testCase.query, body: testCase.body, rawBody: testCase.rawBody, headers: testCase.headers };
    return caller ? caller(handler, options) : callRoute(handler, options);
  }

  function expectDocumented(path: string, method: string, testCase: TContractCase, result: CallResult) {
    const where = `${method.toUpperCase()} ${path} — ${testCase.name}`;
    expect(result.status, `${where}: ${result.text.slice(0, 300)}`).toBe(testCase.status);
    expect(validator.validateResponse(path, method, result.status, result.headers.get('content-type') ?? '', result.body), where).toEqual([]);
    exercised.add(`${method} ${path} ${result.status}`);
  }

  it.each(documented)('$operationId ($method $path)', async ({ path, method, operationId }) => {
    const cases = CONTRACT_CASES[operationId];
    expect(cases, `no contract cases for ${operationId}`).toBeDefined();
    const own = cases!(fixtures);
    expect(own.some((testCase) => testCase.status < 300), `${operationId} has no success case`).toBe(true);
    const id = own.find((testCase) => testCase.params)?.params;
    const sample = { ...own.find((testCase) => testCase.status < 300)!, params: id };

    // Every operation also fails without credentials and for a non-super-admin, whatever its own failures.
    for (const testCase of own) expectDocumented(path, method, testCase, await call(path, method, superAdmin, testCase));
    const anonymous = { ...sample, name: 'no credentials is 401', status: 401 };
    expectDocumented(path, method, anonymous, await call(path, method, null, anonymous));
    const forbidden = { ...sample, name: 'an admin (not super_admin) is 403', status: 403 };
    expectDocumented(path, method, forbidden, await call(path, method, admin, forbidden));
  });

  it('replays a POST for a retried Idempotency-Key with the documented header', async () => {
    const testCase: TContractCase = { name: 'replay', status: 201, body: { ...CREATE_PLAN_BODY, slug: 'contract-replayed' }, headers: { 'Idempotency-Key': 'contract-replay-1' } };
    const first = await call('/plans', 'post', superAdmin, testCase);
    const again = await call('/plans', 'post', superAdmin, testCase);
    expectDocumented('/plans', 'post', testCase, again);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(validator.response('/plans', 'post', 201)?.headers).toHaveProperty('Idempotent-Replayed');
  });

  it('covered 100% of the documented operations', () => {
    const operations = new Set(documented.map(({ method, path }) => `${method} ${path}`));
    const covered = new Set([...exercised].map((entry) => entry.split(' ').slice(0, 2).join(' ')));
    expect(operations.size).toBe(documented.length);
    expect(documented.length).toBe(Object.keys(CONTRACT_CASES).length);
    expect([...operations].filter((operation) => !covered.has(operation))).toEqual([]);
    console.info(`contract: ${covered.size}/${operations.size} operations, ${exercised.size} distinct (operation, status) pairs exercised`);
  });
});
