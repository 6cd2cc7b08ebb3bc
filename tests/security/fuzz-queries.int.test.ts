import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ADDON_BODY, CREATE_COUPON_BODY, CREATE_PLAN_BODY, UPDATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor } from '@/tests/integration/actors';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { hostileId, hostileQuery, percentEncode } from './fuzz-arbitraries';
import { fuzzRuns, fuzzWatch, sendRaw } from './fuzz-harness';
import { discoverRouteHandlers, isPublicRoute } from './route-authorization';

/**
 * The list endpoints' query strings and every route's ids, generated: the lists' own parameters
 * and strangers, prototype names, repeated keys, malformed percent-escapes and invalid UTF-8,
 * numbers at every edge, impossible dates, NUL; ids malformed, hostile or simply unknown.
 * Never a 5xx, every 4xx problem+json, and nothing written.
 */
const QUERY_RUNS = fuzzRuns(80);
const ID_RUNS = fuzzRuns(30);

const routes = (await discoverRouteHandlers()).filter((route) => route.folder.startsWith('v1/') && !isPublicRoute(route));
const lists = routes.filter((route) => route.method === 'GET' && !route.folder.includes('['));
const withIds = routes.filter((route) => /\[\w+\]/.test(route.folder));

/** Every query parameter some list reads, so each list also meets the others' parameters. */
const QUERY_KEYS = ['status', 'organization_id', 'plan_id', 'has_coupon', 'coupon_id', 'from', 'to', 'q', 'search', 'limit', 'starting_after', 'format', 'currency', 'interval', 'actor', 'entity_type', 'entity_id', 'action'];

/** A valid body for the routes that read one, so only the id can be wrong. */
const BODY_FOR: Record<string, unknown> = {
  'v1/admin/billing/plans/[id]': UPDATE_PLAN_BODY,
  'v1/admin/billing/coupons/[id]': { max_uses: 10 },
  'v1/admin/billing/addons/[id]': { price_monthly: 1000 },
  'v1/admin/billing/invoices/[id]/refund': { reason: 'Fuzz' },
  'v1/admin/billing/invoices/[id]/void': { reason: 'Fuzz' },
  'v1/admin/billing/invoices/[id]/payments': { amount: 1, method: 'bank_transfer', reference: 'fuzz-query' },
  'v1/admin/billing/organizations/[id]': { name: 'Fuzz' },
  'v1/admin/billing/subscriptions/[id]/change': { agent_count: 3 },
  'v1/admin/billing/subscriptions/[id]/change/preview': { agent_count: 3 },
  'v1/admin/billing/subscriptions/[id]/coupon': { code: 'FUZZQUERY' },
  'v1/admin/billing/subscriptions/[id]/cancel': { reason: 'Fuzz' },
};

describe('fuzzing query strings and ids', () => {
  let cookie: string;
  let watch: Awaited<ReturnType<typeof fuzzWatch>>;

  beforeAll(async () => {
    cookie = (await credentialsFor('super_admin')).sessionCookie;
    // Something in every list, so filters, cursors and CSV rows have rows to work on.
    for (const status of ['paid', 'open', 'refunded', 'draft'] as const) await createInvoiceFixture({ status });
    const create = (folder: string, body: object) => {
      const route = routes.find((candidate) => candidate.folder === folder && candidate.method === 'POST')!;
      return sendRaw(route.handler, { method: 'POST', path: `/api/${folder}`, params: {}, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    };
    expect((await create('v1/admin/billing/plans', { ...CREATE_PLAN_BODY, slug: 'fuzz-query-plan' })).status).toBe(201);
    expect((await create('v1/admin/billing/coupons', { ...CREATE_COUPON_BODY, code: 'FUZZQUERY' })).status).toBe(201);
    expect((await create('v1/admin/billing/addons', { ...CREATE_ADDON_BODY, slug: 'fuzz-query-addon' })).status).toBe(201);
    watch = await fuzzWatch();
  });

  afterAll(() => watch?.stop());

  it('finds the list endpoints and the routes with ids on the filesystem', () => {
    expect(lists.map((route) => route.folder)).toEqual(
      expect.arrayContaining(['v1/admin/billing/plans', 'v1/admin/billing/coupons', 'v1/admin/billing/addons', 'v1/admin/billing/invoices', 'v1/admin/billing/analytics/overview']),
    );
    expect(withIds.length).toBeGreaterThanOrEqual(10);
  });

  it.each(lists.map((route) => [route.folder, route] as const))('GET %s with generated query strings', async (folder, route) => {
    await fc.assert(
      fc.asyncProperty(hostileQuery(QUERY_KEYS), async (query) => {
        const path = `/api/${folder}?${query}`;
        const result = await sendRaw(route.handler, { method: 'GET', path, params: {}, headers: { cookie } });
        await watch.judge(`GET ${path}`, result);
      }),
      { numRuns: QUERY_RUNS },
    );
  });

  it.each(withIds.map((route) => [`${route.method} ${route.folder}`, route] as const))('%s with generated ids is 404', async (_name, route) => {
    const body = BODY_FOR[route.folder];
    await fc.assert(
      fc.asyncProperty(hostileId, async (id) => {
        const params: Record<string, unknown> = {};
        const path = `/api/${route.folder.replace(/\[(\.\.\.)?(\w+)\]/, (_segment, catchAll: string | undefined, name: string) => {
          params[name] = catchAll ? [id] : id;
          return percentEncode(id);
        })}`;
        const headers: Record<string, string> = { cookie, ...(body ? { 'content-type': 'application/json' } : {}) };
        const result = await sendRaw(route.handler, { method: route.method, path, params, headers, body: body && route.method !== 'GET' ? JSON.stringify(body) : undefined });
        await watch.judge(`${route.method} ${path.slice(0, 200)}`, result, 404);
      }),
      { numRuns: ID_RUNS },
    );
  });

  it('sent every generated request, none answered with a 5xx', () => {
    expect(watch.sent).toBe(lists.length * QUERY_RUNS + withIds.length * ID_RUNS);
    // With the CI default, over 1,000 here (and over 4,000 in fuzz-bodies).
    if (QUERY_RUNS >= 80) expect(watch.sent).toBeGreaterThanOrEqual(1_000);
    console.info(`fuzz-queries: ${watch.sent} requests, statuses ${JSON.stringify(Object.fromEntries([...watch.statuses].sort(([a], [b]) => a - b)))}`);
  });
});
