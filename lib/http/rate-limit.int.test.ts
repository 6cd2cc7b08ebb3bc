import { beforeEach, describe, expect, it } from 'vitest';
import { GET as listPlansRoute, POST as createPlanRoute } from '@/app/api/v1/admin/billing/plans/route';
import { bookkeepingDb, db, withPoolSettings } from '@/lib/db';
import { buildOpenApiDocument } from '@/lib/openapi/build-document';
import { ZProblem } from '@/lib/openapi/problem-schema';
import { CREATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { callRoute } from '@/tests/integration/call-route';
import { openApiValidator } from '@/tests/integration/openapi-validator';
import { enforceRateLimit } from './rate-limit';

// Read by config() on its first call, which comes after this line (the db client is lazy).
const LIMIT = 50;
process.env.RATE_LIMIT_PER_MINUTE = String(LIMIT);

const listPlans = (bearer: string) => apiAs(bearer)(listPlansRoute);

async function spend(bearer: string, requests: number) {
  for (let i = 0; i < requests; i++) expect((await listPlans(bearer)).status).toBe(200);
}

describe('API rate limit (RATE_LIMIT_PER_MINUTE per API key or user)', () => {
  let caller: TestCredentials;

  beforeEach(async () => {
    caller = await credentialsFor('super_admin');
  });

  it('every answer carries RateLimit-Limit/Remaining/Reset, Remaining counting down', async () => {
    const first = await listPlans(caller.bearer);
    const second = await listPlans(caller.bearer);
    expect(first.headers.get('ratelimit-limit')).toBe(String(LIMIT));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(LIMIT - 1));
    expect(second.headers.get('ratelimit-remaining')).toBe(String(LIMIT - 2));
    const reset = Number(first.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);
  });

  it('the request after the limit is 429 rate_limited with Retry-After in seconds', async () => {
    await spend(caller.bearer, LIMIT);
    const limited = await listPlans(caller.bearer);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(ZProblem.parse(limited.body)).toMatchObject({ status: 429, code: 'rate_limited', title: 'Too Many Requests' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(limited.headers.get('x-request-id')).toBe(limited.body.request_id);
    const documented = openApiValidator(buildOpenApiDocument());
    expect(documented.validateResponse('/plans', 'get', 429, 'application/problem+json', limited.body)).toEqual([]);
    expect(documented.response('/plans', 'get', 429)?.headers).toHaveProperty('Retry-After');
  });

  it('limits are per key: another key, and the same user by session, are unaffected', async () => {
    await spend(caller.bearer, LIMIT);
    expect((await listPlans(caller.bearer)).status).toBe(429);
    const other = await credentialsFor('super_admin');
    expect((await listPlans(other.bearer)).status).toBe(200);
    const bySession = await callRoute(listPlansRoute, { headers: { cookie: caller.sessionCookie } });
    expect(bySession.status).toBe(200);
    expect(bySession.headers.get('ratelimit-remaining')).toBe(String(LIMIT - 1));
  });

  it(`of 100 parallel requests against a limit of ${LIMIT}, exactly ${LIMIT} pass`, async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => listPlans(caller.bearer)));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - LIMIT);
    const remaining = results.filter((result) => result.status === 200).map((result) => Number(result.headers.get('ratelimit-remaining')));
    expect(new Set(remaining).size).toBe(LIMIT);
  });

  it('a new window starts a minute after the last one began', async () => {
    await spend(caller.bearer, LIMIT);
    expect((await listPlans(caller.bearer)).status).toBe(429);
    await db().$executeRaw`UPDATE rate_limit_buckets SET window_start = now() - interval '61 seconds' WHERE key = ${`api_key:${await apiKeyId(caller)}`}`;
    const fresh = await listPlans(caller.bearer);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe(String(LIMIT - 1));
  });

  it('a POST refused by the limit leaves its Idempotency-Key unused', async () => {
    await spend(caller.bearer, LIMIT);
    const post = () =>
      apiAs(caller.bearer)(createPlanRoute, { method: 'POST', body: { ...CREATE_PLAN_BODY, slug: 'rate-limited-plan' }, headers: { 'Idempotency-Key': 'rate-limited-1' } });
    expect((await post()).status).toBe(429);
    expect(await db().idempotencyRecord.count({ where: { key: 'rate-limited-1' } })).toBe(0);
    await db().$executeRaw`UPDATE rate_limit_buckets SET window_start = now() - interval '61 seconds'`;
    expect((await post()).status).toBe(201);
  });

  it('a limit of 0 turns it off: no count, no headers', async () => {
    const actor = { type: 'api_key' as const, id: await apiKeyId(caller), label: 'key', role: 'super_admin' as const };
    expect(await enforceRateLimit(actor, 0)).toBeNull();
    expect(await db().$queryRaw<unknown[]>`SELECT 1 FROM rate_limit_buckets WHERE key = ${`api_key:${actor.id}`}`).toEqual([]);
  });

  it('counts commit without waiting for the disk; billing writes still wait (synchronous_commit)', async () => {
    // As the counting statement runs: directly and behind PgBouncer alike (withPoolSettings).
    const setting = async (client: typeof db) => (await withPoolSettings(client(), (pool) => pool.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`))[0]!.synchronous_commit;
    expect(await setting(bookkeepingDb)).toBe('off');
    expect(await setting(db)).toBe('on');
  });
});

async function apiKeyId(credentials: TestCredentials): Promise<string> {
  const key = await db().apiKey.findFirstOrThrow({ where: { createdById: credentials.userId } });
  return key.id;
}
