import { beforeAll, describe, expect, it } from 'vitest';
import * as addons from '@/app/api/v1/admin/billing/analytics/addons/route';
import * as coupons from '@/app/api/v1/admin/billing/analytics/coupons/route';
import * as overview from '@/app/api/v1/admin/billing/analytics/overview/route';
import * as plans from '@/app/api/v1/admin/billing/analytics/plans/route';
import * as revenue from '@/app/api/v1/admin/billing/analytics/revenue/route';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { callRoute, type CallResult } from '@/tests/integration/call-route';
import { ZAddonAttach, ZCouponBreakdown, ZOverview, ZPlanBreakdown, ZRevenueSeries } from './schemas';

const ROUTES = [
  ['overview', overview.GET, ZOverview],
  ['revenue', revenue.GET, ZRevenueSeries],
  ['plans', plans.GET, ZPlanBreakdown],
  ['coupons', coupons.GET, ZCouponBreakdown],
  ['addons', addons.GET, ZAddonAttach],
] as const;

let superAdmin: TestCredentials;
let admin: TestCredentials;

beforeAll(async () => {
  [superAdmin, admin] = await Promise.all([credentialsFor('super_admin'), credentialsFor('admin')]);
});

const expectProblem = (result: CallResult, status: number, code: string) => {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toBe('application/problem+json');
  expect(result.body).toMatchObject({ status, code });
};
const paths = (result: CallResult) => (result.body.errors ?? []).map((error: { path: string }) => error.path);

describe.each(ROUTES)('GET /analytics/%s', (_name, route, schema) => {
  it('anonymous is 401', async () => {
    expectProblem(await callRoute(route, { query: { currency: 'IDR' } }), 401, 'unauthenticated');
  });

  it('an admin (not super_admin) is 403, by API key and by session', async () => {
    expectProblem(await callRoute(route, { headers: { authorization: admin.bearer } }), 403, 'forbidden');
    expectProblem(await callRoute(route, { headers: { cookie: admin.sessionCookie } }), 403, 'forbidden');
  });

  it('a super_admin gets 200 with the defaults (last 30 days, IDR) and the documented shape', async () => {
    const result = await callRoute(route, { headers: { cookie: superAdmin.sessionCookie } });
    expect(result.status).toBe(200);
    const body = schema.parse(result.body);
    expect(body.currency).toBe('IDR');
  });

  it('bad input is 400 validation_failed with the parameter named', async () => {
    const call = (query: Record<string, string>) => callRoute(route, { query, headers: { authorization: superAdmin.bearer } });
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ from: '2026-02-30' }, ['from']],
      [{ from: '2026-03-01', to: '2026-03-01' }, ['to']],
      [{ from: '2026-04-01', to: '2026-03-01' }, ['to']],
      [{ from: '2020-01-01', to: '2025-01-02' }, ['to']],
      [{ currency: 'XXX', interval: 'hour' }, ['currency', 'interval']],
      [{ from: '2026-03-01', to: '2026-04-01', limit: '10' }, ['limit']],
    ];
    for (const [query, expected] of cases) {
      const result = await call(query);
      expectProblem(result, 400, 'validation_failed');
      expect(paths(result)).toEqual(expected);
    }
  });
});
