import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { adminRoute, json } from '@/lib/http/admin-route';
import { callRoute } from '@/tests/integration/call-route';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { GET as unknownRoute } from '@/app/api/v1/admin/billing/[...path]/route';
import { POST as revokeRoute } from '@/app/api/v1/admin/billing/api-keys/[id]/revoke/route';

// A route behind the one wrapper every API route uses: it echoes who the guard let through.
const whoAmI = adminRoute(async ({ actor }) => json({ type: actor.type, label: actor.label }));

const expectProblem = (result: Awaited<ReturnType<typeof callRoute>>, status: number, code: string) => {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toBe('application/problem+json');
  expect(result.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(result.body.request_id).toBe(result.headers.get('x-request-id'));
};

describe('the super-admin guard', () => {
  let superAdmin: TestCredentials;
  let admin: TestCredentials;
  let support: TestCredentials;

  beforeAll(async () => {
    [superAdmin, admin, support] = await Promise.all([credentialsFor('super_admin'), credentialsFor('admin'), credentialsFor('support')]);
  });

  it('anonymous requests are 401 problem+json with a Bearer challenge', async () => {
    const result = await callRoute(whoAmI);
    expectProblem(result, 401, 'unauthenticated');
    expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('admin and support sessions are 403', async () => {
    for (const who of [admin, support]) {
      expectProblem(await callRoute(whoAmI, { headers: { cookie: who.sessionCookie } }), 403, 'forbidden');
    }
  });

  it('admin and support API keys are 403', async () => {
    for (const who of [admin, support]) {
      expectProblem(await callRoute(whoAmI, { headers: { authorization: who.bearer } }), 403, 'forbidden');
    }
  });

  it('a super_admin session passes', async () => {
    const result = await callRoute(whoAmI, { headers: { cookie: superAdmin.sessionCookie } });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ type: 'user', label: superAdmin.email });
  });

  it('a super_admin API key passes', async () => {
    const result = await callRoute(whoAmI, { headers: { authorization: superAdmin.bearer } });
    expect(result.status).toBe(200);
    expect(result.body.type).toBe('api_key');
  });

  it('malformed, unknown and revoked keys are 401, even with a valid session cookie alongside', async () => {
    const revoked = await credentialsFor('super_admin');
    await db().apiKey.updateMany({ where: { createdById: revoked.userId }, data: { revokedAt: new Date() } });
    const bad = ['Bearer', 'Bearer not-a-key', 'Basic abc', `Bearer bk_${'x'.repeat(43)}`, revoked.bearer];
    for (const authorization of bad) {
      expectProblem(await callRoute(whoAmI, { headers: { authorization, cookie: superAdmin.sessionCookie } }), 401, 'unauthenticated');
    }
  });

  it('a session whose user was demoted loses access at once', async () => {
    const demoted = await credentialsFor('super_admin');
    await db().user.update({ where: { id: demoted.userId }, data: { role: 'support' } });
    expectProblem(await callRoute(whoAmI, { headers: { cookie: demoted.sessionCookie } }), 403, 'forbidden');
  });

  it('a forged session cookie is 401', async () => {
    const forged = superAdmin.sessionCookie.replace(/.{8}$/, 'AAAAAAAA');
    expectProblem(await callRoute(whoAmI, { headers: { cookie: forged } }), 401, 'unauthenticated');
  });

  it('unknown API paths are guarded, then 404 problem+json', async () => {
    expectProblem(await callRoute(unknownRoute, { path: '/api/v1/admin/billing/nope' }), 401, 'unauthenticated');
    expectProblem(await callRoute(unknownRoute, { path: '/api/v1/admin/billing/nope', headers: { authorization: admin.bearer } }), 403, 'forbidden');
    expectProblem(await callRoute(unknownRoute, { path: '/api/v1/admin/billing/nope', headers: { authorization: superAdmin.bearer } }), 404, 'route_not_found');
  });

  it('a write with a session cookie from another origin is 403 and changes nothing (CSRF); the same from our origin passes', async () => {
    const target = await db().apiKey.findFirstOrThrow({ where: { createdById: admin.userId } });
    const revoke = (headers: Record<string, string>) =>
      callRoute(revokeRoute, { method: 'POST', path: `/api/v1/admin/billing/api-keys/${target.id}/revoke`, params: { id: target.id }, headers: { cookie: superAdmin.sessionCookie, ...headers } });
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site', origin: 'https://other.localhost:3000' }];
    for (const headers of foreign) {
      expectProblem(await revoke(headers), 403, 'cross_origin_request');
    }
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: target.id } })).revokedAt).toBeNull();
    // The same request with an API key: no browser sends one unasked, so Origin does not matter.
    expect((await callRoute(whoAmI, { method: 'POST', headers: { authorization: superAdmin.bearer, origin: 'https://evil.example' } })).status).toBe(200);
    // Reads are not writes: a cross-origin GET cannot change anything (and CORS keeps its answer from the page).
    expect((await callRoute(whoAmI, { headers: { cookie: superAdmin.sessionCookie, origin: 'https://evil.example' } })).status).toBe(200);
    expect((await revoke({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: target.id } })).revokedAt).not.toBeNull();
  });

  it('API keys are stored hashed, never as the secret', async () => {
    const secret = superAdmin.bearer.replace('Bearer ', '');
    const rows = await db().apiKey.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(secret);
  });
});
