import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as plans from '@/app/api/v1/admin/billing/plans/route';
import { setLogDestination } from '@/lib/log';
import { CREATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { callRoute } from '@/tests/integration/call-route';
import { adminRoute } from './admin-route';

let superAdmin: TestCredentials;
let lines: string[];
const records = () => lines.map((line) => JSON.parse(line) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any -- log lines are free-form JSON
const PATH = '/api/v1/admin/billing/plans';

beforeAll(async () => {
  superAdmin = await credentialsFor('super_admin');
});

beforeEach(() => {
  lines = [];
  setLogDestination({ write: (line: string) => void lines.push(line) }, 'info');
});

afterEach(() => setLogDestination(null));

describe('request logs (adminRoute)', () => {
  it('a request writes exactly one line: request id, method, route, status, duration and the actor', async () => {
    const result = await callRoute(plans.GET, { path: PATH, headers: { authorization: superAdmin.bearer } });
    expect(result.status).toBe(200);
    expect(lines).toHaveLength(1);
    const [line] = records();
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      request_id: result.headers.get('x-request-id'),
      method: 'GET',
      route: PATH,
      status: 200,
      duration_ms: expect.any(Number),
      actor: { type: 'api_key', id: expect.any(String), label: expect.stringContaining('super_admin key') },
    });
    expect(line!.duration_ms).toBeGreaterThanOrEqual(0);
    expect(line!.err).toBeUndefined();
  });

  it('never logs a credential: neither the Bearer key nor the session cookie appears', async () => {
    const token = superAdmin.sessionCookie.split('=')[1]!;
    await callRoute(plans.GET, { path: PATH, headers: { authorization: superAdmin.bearer } });
    await callRoute(plans.GET, { path: PATH, headers: { cookie: superAdmin.sessionCookie } });
    await callRoute(plans.POST, { method: 'POST', path: PATH, headers: { cookie: superAdmin.sessionCookie, 'Idempotency-Key': 'log-test-1' }, body: { ...CREATE_PLAN_BODY, slug: 'logged-plan' } });
    // A bad key is refused, and still not written down.
    await callRoute(plans.GET, { path: PATH, headers: { authorization: `${superAdmin.bearer.slice(0, -4)}AAAA` } });
    expect(lines).toHaveLength(4);
    const output = lines.join('');
    expect(output).not.toContain(superAdmin.bearer.slice('Bearer '.length));
    expect(output).not.toContain(superAdmin.bearer.slice('Bearer '.length, -4));
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(0, 40));
    expect(records().map((line) => [line.status, line.actor?.type ?? null])).toEqual([[200, 'api_key'], [200, 'user'], [201, 'user'], [401, null]]);
    expect(records()[1]!.actor).toEqual({ type: 'user', id: superAdmin.userId, label: superAdmin.email });
  });

  it('a refused caller is logged with who they are and the problem code, at info', async () => {
    const admin = await credentialsFor('admin');
    const result = await callRoute(plans.GET, { path: PATH, headers: { authorization: admin.bearer } });
    expect(result.status).toBe(403);
    expect(records()).toEqual([expect.objectContaining({ level: 'info', status: 403, code: 'forbidden', actor: expect.objectContaining({ type: 'api_key' }) })]);
  });

  it('a 500 logs the error, with its stack, under the request id the response carries', async () => {
    const broken = adminRoute(async () => {
      throw new Error('ledger exploded');
    });
    const result = await callRoute(broken, { path: `${PATH}/broken`, headers: { authorization: superAdmin.bearer } });
    expect(result.status).toBe(500);
    const requestId = result.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(result.body).toMatchObject({ code: 'internal_error', request_id: requestId });
    expect(result.text).not.toContain('ledger exploded');
    expect(lines).toHaveLength(1);
    expect(records()[0]).toMatchObject({
      level: 'error',
      msg: 'request failed',
      request_id: requestId,
      status: 500,
      route: `${PATH}/broken`,
      err: { type: 'Error', message: 'ledger exploded', stack: expect.stringContaining('ledger exploded') },
    });
  });

  it('keeps a well-formed incoming X-Request-Id in the response header, the problem body and the log; replaces a malformed one', async () => {
    const denied = await callRoute(plans.GET, { path: PATH, headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('x-request-id')).toBe('trace-abc-12345');
    expect(denied.body.request_id).toBe('trace-abc-12345');
    const ok = await callRoute(plans.GET, { path: PATH, headers: { authorization: superAdmin.bearer, 'x-request-id': 'bad id with spaces' } });
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(records().map((line) => line.request_id)).toEqual(['trace-abc-12345', ok.headers.get('x-request-id')]);
  });

  it('a replayed idempotent POST is one line too, marked as a replay', async () => {
    const send = () => callRoute(plans.POST, { method: 'POST', path: PATH, headers: { authorization: superAdmin.bearer, 'Idempotency-Key': 'log-replay-1' }, body: { ...CREATE_PLAN_BODY, slug: 'replayed-plan' } });
    await send();
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(records().map((line) => [line.status, line.idempotent_replayed ?? false])).toEqual([[201, false], [201, true]]);
  });
});
