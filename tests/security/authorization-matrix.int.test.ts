import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { adminRoute, json } from '@/lib/http/admin-route';
import { authenticateRequest, sessionActor } from '@/lib/auth/guard';
import { CREATE_ADDON_BODY, CREATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute } from '@/tests/integration/call-route';
import {
  PUBLIC_ROUTES,
  checkCell,
  expectationFor,
  credentialColumns,
  discoverRouteHandlers,
  isPublicRoute,
  type TCredentialColumn,
  type TRouteUnderTest,
} from './route-authorization';
import { customerActionFixtures, type TCustomerActionFixtures } from './customer-action-fixtures';
import { checkActionCell, discoverServerActions, type TActionColumn, type TActionUnderTest } from './server-actions';

/*
 * Server actions read the session with getServerSession(authOptions), which in the App Router form
 * reads next/headers — only available inside Next's request scope. next-auth's Pages form takes the
 * request explicitly and runs the same decoding and callbacks, so the mock hands it a request that
 * carries the cookie of the cell under test. Nothing else about authentication is replaced.
 */
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
const session = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock('next-auth', async (importOriginal) => {
  const real = await importOriginal<typeof import('next-auth')>();
  const getServerSession = (options: NextAuthOptions) => {
    const cookies = Object.fromEntries((session.cookie ?? '').split(/;\s*/).filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    const request = { headers: session.cookie ? { cookie: session.cookie } : {}, cookies };
    const response = { getHeader() {}, setCookie() {}, setHeader() {} };
    return real.getServerSession(request as never, response as never, options);
  };
  return { ...real, getServerSession };
});

async function withSession<T>(cookie: string | undefined, run: () => Promise<T>): Promise<T> {
  session.cookie = cookie;
  // next-auth logs every undecryptable cookie (the forged cell) as an error; that is the point here.
  const logged = console.error;
  const quiet = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('[next-auth][error][JWT_SESSION_ERROR]')) logged(...args);
  });
  try {
    return await run();
  } finally {
    session.cookie = undefined;
    quiet.mockRestore();
  }
}

const discoveredRoutes = await discoverRouteHandlers();
const guardedRoutes = discoveredRoutes.filter((route) => !isPublicRoute(route));
const { files: actionFiles, actions, inline: inlineActionFiles } = await discoverServerActions();

describe('authorization matrix: every route handler under app/api', () => {
  let columns: TCredentialColumn[];
  let checked = 0;

  beforeAll(async () => {
    columns = await credentialColumns();
  });

  it('is read from the filesystem, and the public exclusions are the justified ones only', () => {
    const found = new Set(discoveredRoutes.map((route) => route.folder));
    for (const entry of PUBLIC_ROUTES) {
      // openapi.json may not exist yet (another change adds it): excluded if present, never required.
      if (entry.required) expect(found, `${entry.folder} is missing: is the exclusion stale?`).toContain(entry.folder);
      expect(entry.reason.length).toBeGreaterThan(20);
    }
    expect(discoveredRoutes.filter(isPublicRoute).every((route) => route.folder.startsWith('auth/') || route.folder.startsWith('v1/webhooks/') || route.folder.endsWith('/openapi.json') || route.folder === 'health' || route.folder === 'ready')).toBe(true);
    // Plans, coupons, add-ons, invoices, refunds, analytics, API keys and the guarded 404: far more than a handful.
    expect(guardedRoutes.length).toBeGreaterThanOrEqual(25);
    expect(guardedRoutes.map((route) => `${route.method} ${route.folder}`)).toEqual(
      expect.arrayContaining(['POST v1/admin/billing/plans', 'PATCH v1/admin/billing/plans/[id]', 'POST v1/admin/billing/invoices/[id]/refund', 'POST v1/admin/billing/invoices/[id]/void', 'GET v1/admin/billing/invoices/[id]/pdf', 'GET v1/admin/billing/[...path]', 'POST v1/admin/billing/organizations', 'PATCH v1/admin/billing/organizations/[id]', 'POST v1/admin/billing/subscriptions', 'POST v1/admin/billing/subscriptions/[id]/change', 'POST v1/admin/billing/subscriptions/[id]/change/preview', 'POST v1/admin/billing/subscriptions/[id]/coupon', 'POST v1/admin/billing/subscriptions/[id]/cancel', 'POST v1/admin/billing/subscriptions/[id]/reactivate', 'POST v1/admin/billing/invoices/[id]/payments']),
    );
  });

  it.each(guardedRoutes.map((route) => [`${route.method} ${route.folder}`, route] as const))('%s', async (_name, route: TRouteUnderTest) => {
    const failures: string[] = [];
    for (const column of columns) {
      const failure = await checkCell(route, column);
      checked++;
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it('checked every cell: handlers × credentials, so it cannot pass vacuously', () => {
    expect(columns).toHaveLength(12);
    expect(checked).toBe(guardedRoutes.length * columns.length);
  });

  it('the public openapi.json, when present, answers anonymous callers and holds no data', async () => {
    const route = discoveredRoutes.find((candidate) => candidate.folder === 'v1/admin/billing/openapi.json' && candidate.method === 'GET');
    if (!route) return;
    const result = await callRoute(route.handler, { path: '/api/v1/admin/billing/openapi.json' });
    expect(result.status).toBe(200);
    expect(result.body.openapi).toMatch(/^3\.1/);
  });
});

/** Pages outside the console that must render for a caller who is not a super-admin. */
const PUBLIC_PAGES: Record<string, string> = {
  'app/(auth)/login/page.tsx': 'the sign-in form',
  'app/forbidden/page.tsx': 'the "super-admins only" screen a signed-in admin or support user is sent to',
};

describe('authorization matrix: every page', () => {
  // Rendering a server component needs Next's request scope, so this reads the source: every
  // page under app/ calls the guard itself (a layout is not re-rendered on client navigation).
  const root = path.resolve(import.meta.dirname, '../..');
  const pages = readdirSync(path.join(root, 'app'), { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'page.tsx')
    .map((file) => `app/${file.split(path.sep).join('/')}`)
    .sort();

  it.each(pages.filter((page) => !(page in PUBLIC_PAGES)))('%s awaits requireSuperAdminPage() itself', (page) => {
    const source = readFileSync(path.join(root, page), 'utf8');
    const body = source.slice(source.indexOf('export default async function'));
    expect(body, `${page} is not an async server component`).not.toBe('');
    expect(/\{\s*(const \w+ = )?await requireSuperAdminPage\(\);/.test(body), `${page} must await requireSuperAdminPage()`).toBe(true);
  });

  it('the public pages are the sign-in and "super-admins only" screens, and both exist', () => {
    expect(pages).toEqual(expect.arrayContaining(Object.keys(PUBLIC_PAGES)));
    expect(pages.length - Object.keys(PUBLIC_PAGES).length).toBeGreaterThanOrEqual(9);
  });
});

describe('authorization matrix canaries: the checker flags a missing guard', () => {
  let columns: TCredentialColumn[];

  beforeAll(async () => {
    columns = await credentialColumns();
  });

  it('an unguarded handler fails every denied cell', async () => {
    const unguarded: TRouteUnderTest = { folder: 'v1/admin/billing/leaky', method: 'GET', handler: async () => Response.json([{ secret: 'data' }]) };
    const failures = await Promise.all(columns.map((column) => checkCell(unguarded, column)));
    const denied = columns.filter((column) => expectationFor(column, 'GET') !== 'allowed');
    expect(failures.filter(Boolean)).toHaveLength(denied.length);
  });

  it('a handler that authenticates but skips the role check fails the admin and support cells', async () => {
    const roleBlind = async (request: Parameters<TRouteUnderTest['handler']>[0]) =>
      (await authenticateRequest(request)) ? Response.json({ ok: true }) : Response.json({ status: 401, code: 'unauthenticated' }, { status: 401, headers: { 'content-type': 'application/problem+json' } });
    const route: TRouteUnderTest = { folder: 'v1/admin/billing/role-blind', method: 'GET', handler: roleBlind };
    const flagged = [];
    for (const column of columns) if (await checkCell(route, column)) flagged.push(column.name);
    expect(flagged).toEqual(['admin session', 'admin API key', 'support session', 'support API key']);
  });

  it('the real wrapper passes the same checker', async () => {
    const guarded: TRouteUnderTest = { folder: 'v1/admin/billing/guarded', method: 'POST', handler: adminRoute(async () => json({ ok: true })) };
    for (const column of columns) expect(await checkCell(guarded, column)).toBeNull();
  });
});

type Fixtures = { planId: string; couponId: string; addonId: string; apiKeyId: string; pendingRefundId: string; customer: TCustomerActionFixtures };
const unique = () => Math.random().toString(36).slice(2, 10);

/**
 * For each server action, arguments that succeed for a super_admin — so a denied call that left
 * the database unchanged proves the guard stopped it, not a validation error. A new action without
 * an entry here fails the matrix until someone writes one.
 */
const ACTION_ARGUMENTS: Record<string, (fixtures: Fixtures) => unknown[]> = {
  'lib/actions/addons.ts#createAddonAction': () => [{ ...CREATE_ADDON_BODY, slug: `matrix-${unique()}` }],
  'lib/actions/addons.ts#updateAddonAction': ({ addonId }) => [addonId, { name: `Renamed ${unique()}` }],
  'lib/actions/api-keys.ts#createApiKeyAction': () => [{ name: `matrix ${unique()}`, role: 'super_admin' }],
  'lib/actions/api-keys.ts#revokeApiKeyAction': ({ apiKeyId }) => [apiKeyId],
  'lib/actions/coupons.ts#createCouponAction': () => [{ code: `MATRIX${unique().toUpperCase()}`, discount_type: 'percentage', discount_value: 10 }],
  'lib/actions/coupons.ts#updateCouponAction': ({ couponId }) => [couponId, { max_uses: 1000 + Math.floor(Math.random() * 1000) }],
  'lib/actions/plans.ts#createPlanAction': () => [{ ...CREATE_PLAN_BODY, slug: `matrix-${unique()}` }],
  'lib/actions/plans.ts#updatePlanAction': ({ planId }) => [planId, { name: `Renamed ${unique()}` }],
  'lib/actions/plans.ts#previewPlanChangeAction': ({ planId }) => [planId, { base_price_monthly: 123_000 }],
  // A pending manual refund: "recheck now" settles it (checked_at, status, credit note), so a leak would change the database.
  'lib/actions/refunds.ts#recheckRefundAction': ({ pendingRefundId }) => [pendingRefundId],
  'lib/actions/organizations.ts#createOrganizationAction': () => [{ name: 'Matrix customer', slug: `matrix-customer-${unique()}`, billing_email: 'billing@matrix.test', country: 'ID' }],
  'lib/actions/subscriptions.ts#createSubscriptionAction': ({ customer }) => [{ organization_id: customer.unsubscribedOrganizationId, plan_id: customer.planId, billing_cycle: 'monthly', agent_count: 1 }],
  'lib/actions/subscriptions.ts#previewSubscriptionChangeAction': ({ customer }) => [customer.previewId, { agent_count: 3 }],
  'lib/actions/subscriptions.ts#changeSubscriptionAction': ({ customer }) => [customer.changeId, { agent_count: 3 }],
  'lib/actions/subscriptions.ts#cancelPendingChangeAction': ({ customer }) => [customer.pendingChangeId],
  'lib/actions/subscriptions.ts#applyCouponAction': ({ customer }) => [customer.couponFreeId, { code: customer.couponCode }],
  'lib/actions/subscriptions.ts#removeCouponAction': ({ customer }) => [customer.couponHolderId],
  'lib/actions/subscriptions.ts#cancelSubscriptionAction': ({ customer }) => [customer.cancelId, { at: 'period_end', reason: 'matrix' }],
  'lib/actions/subscriptions.ts#reactivateSubscriptionAction': ({ customer }) => [customer.reactivateId],
};

describe('authorization matrix: every server action', () => {
  let columns: TActionColumn[];
  let fixtures: Fixtures;
  let superAdmin: TestCredentials;
  let checked = 0;

  beforeAll(async () => {
    const [admin, support] = await Promise.all([credentialsFor('admin'), credentialsFor('support')]);
    superAdmin = await credentialsFor('super_admin');
    columns = [
      { name: 'anonymous', cookie: undefined, deniedWith: 401 },
      { name: 'forged session cookie', cookie: superAdmin.sessionCookie.replace(/.{8}$/, 'AAAAAAAA'), deniedWith: 401 },
      { name: 'admin session', cookie: admin.sessionCookie, deniedWith: 403 },
      { name: 'support session', cookie: support.sessionCookie, deniedWith: 403 },
      // Last: it runs the operation, and the denied cells must see the fixtures untouched.
      { name: 'super_admin session', cookie: superAdmin.sessionCookie, deniedWith: null },
    ];
    const plan = await db().plan.create({ data: { ...planRow(), slug: `matrix-plan-${unique()}` } });
    const coupon = await db().coupon.create({ data: { code: `MX${unique().toUpperCase()}`, discountType: 'percentage', discountValue: '10', duration: 'once', validFrom: new Date() } });
    const addon = await db().addon.create({ data: { name: 'Matrix add-on', slug: `matrix-addon-${unique()}`, priceMonthly: '50000', priceAnnual: '500000' } });
    const apiKey = await db().apiKey.findFirstOrThrow({ where: { createdById: superAdmin.userId } });
    const invoice = await createInvoiceFixture({ status: 'partially_refunded', amountRefunded: '1000' });
    const pendingRefund = await db().refund.create({ data: { invoiceId: invoice.id, amount: '1000', currency: 'IDR', reason: 'Matrix: pending', status: 'pending', provider: 'manual' } });
    fixtures = { planId: plan.id, couponId: coupon.id, addonId: addon.id, apiKeyId: apiKey.id, pendingRefundId: pendingRefund.id, customer: await customerActionFixtures() };
  });

  it('finds the action modules on the filesystem: every actions.ts is a \'use server\' module, and no action is declared inline', () => {
    expect(actionFiles).toEqual(expect.arrayContaining(['lib/actions/plans.ts', 'lib/actions/coupons.ts', 'lib/actions/addons.ts', 'lib/actions/api-keys.ts', 'lib/actions/organizations.ts', 'lib/actions/subscriptions.ts']));
    expect(inlineActionFiles).toEqual([]);
    expect(actions.length).toBeGreaterThanOrEqual(18);
  });

  it('has arguments for every discovered action, and none for an action that no longer exists', () => {
    expect(Object.keys(ACTION_ARGUMENTS).sort()).toEqual(actions.map((target) => target.id).sort());
  });

  it.each(actions.map((target) => [target.id, target] as const))('%s', async (id, target: TActionUnderTest) => {
    const args = ACTION_ARGUMENTS[id];
    expect(args, `no arguments for ${id} in ACTION_ARGUMENTS`).toBeDefined();
    const failures: string[] = [];
    for (const column of columns) {
      const failure = await checkActionCell(target, column, args!(fixtures), withSession);
      checked++;
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it('checked every cell: actions × sessions, so it cannot pass vacuously', () => {
    expect(checked).toBe(actions.length * columns.length);
  });

  it('canary: an action that skips runAdminAction is flagged in every denied cell', async () => {
    const leaky: TActionUnderTest = {
      id: 'canary#createPlanUnguarded',
      action: async () => ({ ok: true, data: await db().plan.create({ data: { ...planRow(), slug: `leak-${unique()}` } }) }),
    };
    const failures = [];
    for (const column of columns) failures.push(await checkActionCell(leaky, column, [], withSession));
    expect(failures.slice(0, 4).every((failure) => failure?.includes('the database changed: plans'))).toBe(true);
    expect(failures[4]).toBeNull();
  });

  it('canary: an action that checks the session but not the role is flagged for admin and support', async () => {
    const roleBlind: TActionUnderTest = {
      id: 'canary#roleBlind',
      action: async () => ((await sessionActor()) ? { ok: true, data: null } : { ok: false, status: 401, code: 'unauthenticated', message: '' }),
    };
    const flagged = [];
    for (const column of columns) if (await checkActionCell(roleBlind, column, [], withSession)) flagged.push(column.name);
    expect(flagged).toEqual(['admin session', 'support session']);
  });
});

function planRow() {
  return {
    name: 'Leaked', currency: 'IDR', basePriceMonthly: '1', basePriceAnnual: '10', perAgentPrice: '0', overageMessagePrice: '0',
    limits: { max_agents: null, max_contacts: null, max_messages_month: null, max_channels: null, max_ai_agents: null },
    features: { ai_agent: false, api_access: false, dedicated_support: false },
  };
}
