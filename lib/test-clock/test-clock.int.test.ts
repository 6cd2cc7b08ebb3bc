import { afterEach, describe, expect, it, vi } from 'vitest';
import * as testClockRoute from '@/app/api/v1/admin/billing/test-clock/route';
import * as issueRoute from '@/app/api/v1/test-clock/route';
import * as ready from '@/app/api/ready/route';
import { clockOffsetMs, now, nowMs } from '@/lib/clock';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { callRoute } from '@/tests/integration/call-route';
import { TEST_CLOCK_ENTITY_ID, ZTestClock } from './schemas';
import { syncTestClock } from './sync-test-clock';

const PATH = '/api/v1/admin/billing/test-clock';
const superAdmin = async () => apiAs((await credentialsFor('super_admin')).bearer);

afterEach(() => vi.unstubAllEnvs());

describe('the test clock (issue #19)', () => {
  it('is 404 test_clock_disabled when the server was not started with TEST_CLOCK=true, and moves nothing; GET still answers', async () => {
    vi.stubEnv('TEST_CLOCK', 'false');
    const call = await superAdmin();
    const before = clockOffsetMs();
    const moved = await call(testClockRoute.POST, { method: 'POST', path: PATH, body: { now: '2099-01-01T00:00:00Z' } });
    expect(moved.status).toBe(404);
    expect(moved.body).toMatchObject({ code: 'test_clock_disabled', status: 404 });
    expect(clockOffsetMs()).toBe(before);
    const read = await call(testClockRoute.GET, { path: PATH });
    expect(read.status).toBe(200);
    expect(ZTestClock.parse(read.body)).toMatchObject({ enabled: false });
  });

  it('moves forward on every instance (stored in the database), keeps flowing, is audited, and refuses to go back with 409 clock_backwards', async () => {
    vi.stubEnv('TEST_CLOCK', 'true');
    const call = await superAdmin();
    const target = new Date(nowMs() + 3 * 60_000);
    const moved = await call(issueRoute.POST, { method: 'POST', path: '/api/v1/test-clock', body: { now: target.toISOString() } });
    expect(moved.status, moved.text).toBe(200);
    const clock = ZTestClock.parse(moved.body);
    expect(clock.enabled).toBe(true);
    expect(new Date(clock.now).getTime() - target.getTime()).toBeGreaterThanOrEqual(0);
    expect(new Date(clock.now).getTime() - target.getTime()).toBeLessThan(2_000);
    expect(now().getTime()).toBeGreaterThanOrEqual(target.getTime());

    // Another instance: its own clock is behind until it reads the row (what adminRoute does per request).
    const [row] = await db().$queryRaw<{ offset_ms: bigint }[]>`SELECT offset_ms FROM test_clock WHERE id = 1`;
    expect(Number(row!.offset_ms)).toBe(clockOffsetMs());
    await db().$executeRaw`UPDATE test_clock SET offset_ms = offset_ms + 60000 WHERE id = 1`;
    const offsetBefore = clockOffsetMs();
    await syncTestClock();
    expect(clockOffsetMs()).toBe(offsetBefore + 60_000);
    // An API request adopts it before it runs: read by its admission's own statement (admitApiKey).
    await db().$executeRaw`UPDATE test_clock SET offset_ms = offset_ms + 60000 WHERE id = 1`;
    const read = await call(testClockRoute.GET, { path: PATH });
    expect(clockOffsetMs()).toBe(offsetBefore + 120_000);
    expect(new Date(ZTestClock.parse(read.body).now).getTime()).toBeGreaterThanOrEqual(Date.now() + offsetBefore + 120_000 - 2_000);

    const backward = await call(testClockRoute.POST, { method: 'POST', path: PATH, body: { now: target.toISOString() } });
    expect(backward.status).toBe(409);
    expect(backward.body).toMatchObject({ code: 'clock_backwards' });
    expect(backward.body.detail).toMatch(/never moves backward/);

    const audit = await db().auditLogEntry.findMany({ where: { entityType: 'test_clock', entityId: TEST_CLOCK_ENTITY_ID, action: 'test_clock.moved' }, orderBy: { createdAt: 'desc' }, take: 1 });
    expect(audit[0]?.after).toEqual({ now: target.toISOString() });
  });

  it('a malformed instant is 400 and only super_admin may move it', async () => {
    vi.stubEnv('TEST_CLOCK', 'true');
    const bad = await (await superAdmin())(testClockRoute.POST, { method: 'POST', path: PATH, body: { now: 'next month' } });
    expect(bad.status).toBe(400);
    const admin = apiAs((await credentialsFor('admin')).bearer);
    const forbidden = await admin(testClockRoute.POST, { method: 'POST', path: PATH, body: { now: '2099-01-01T00:00:00Z' } });
    expect(forbidden.status).toBe(403);
  });

  it('GET /api/ready warns while the test clock is on, and only then', async () => {
    vi.stubEnv('TEST_CLOCK', 'true');
    const on = await callRoute(ready.GET, { path: '/api/ready' });
    expect(on.status).toBe(200);
    expect(on.body.warnings).toEqual([expect.stringMatching(/^The test clock is on \(TEST_CLOCK=true\)/)]);
    vi.stubEnv('TEST_CLOCK', 'false');
    expect((await callRoute(ready.GET, { path: '/api/ready' })).body.warnings).toEqual([]);
  });
});
