import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bookkeepingDb, createClient, db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { credentialsFor } from '@/tests/integration/actors';
import { admitApiKey } from './admit-api-key';
import { revokeApiKey } from './revoke-api-key';

const secretOf = (bearer: string) => bearer.replace(/^Bearer /, '');
const keyOf = (userId: string) => db().apiKey.findFirstOrThrow({ where: { createdById: userId } });
const countOf = async (keyId: string) => (await db().rateLimitBucket.findUnique({ where: { key: `api_key:${keyId}` } }))?.count ?? null;

describe('admitApiKey: authentication and the rate-limit count in one statement', () => {
  it('a super_admin key is its actor, and its request is counted in its window', async () => {
    const caller = await credentialsFor('super_admin');
    const key = await keyOf(caller.userId);
    const first = await admitApiKey(secretOf(caller.bearer), 5);
    expect(first.actor).toEqual({ type: 'api_key', id: key.id, label: `API key ${key.name} (${key.prefix}…)`, role: 'super_admin' });
    expect(first.limits).toMatchObject({ limit: 5, remaining: 4, allowed: true });
    expect(first.limits!.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(first.limits!.resetSeconds).toBeLessThanOrEqual(60);
    for (let i = 0; i < 4; i++) await admitApiKey(secretOf(caller.bearer), 5);
    const over = await admitApiKey(secretOf(caller.bearer), 5);
    expect(over.limits).toMatchObject({ remaining: 0, allowed: false });
    expect(await countOf(key.id)).toBe(6);
  });

  it('of 40 parallel admissions against a limit of 25, exactly 25 are allowed', async () => {
    const caller = await credentialsFor('super_admin');
    const results = await Promise.all(Array.from({ length: 40 }, () => admitApiKey(secretOf(caller.bearer), 25)));
    expect(results.filter((result) => result.limits?.allowed)).toHaveLength(25);
    expect(new Set(results.map((result) => result.limits!.remaining)).size).toBe(25);
  });

  it('a revoked key is refused from the revocation on, and not counted', async () => {
    const caller = await credentialsFor('super_admin');
    const key = await keyOf(caller.userId);
    expect((await admitApiKey(secretOf(caller.bearer), 100)).actor).not.toBeNull();
    await revokeApiKey(key.id, 'system');
    expect(await admitApiKey(secretOf(caller.bearer), 100)).toEqual({ actor: null, limits: null });
    expect(await countOf(key.id)).toBe(1);
  });

  it('a key of another role is its actor (for the 403) but is not counted', async () => {
    const caller = await credentialsFor('support');
    const key = await keyOf(caller.userId);
    const admission = await admitApiKey(secretOf(caller.bearer), 100);
    expect(admission.actor?.role).toBe('support');
    expect(admission.limits).toBeNull();
    expect(await countOf(key.id)).toBeNull();
  });

  it('unknown and malformed secrets are refused; a limit of 0 counts nothing', async () => {
    expect(await admitApiKey(`bk_${'x'.repeat(43)}`, 100)).toEqual({ actor: null, limits: null });
    expect(await admitApiKey('not a key', 100)).toEqual({ actor: null, limits: null });
    const caller = await credentialsFor('super_admin');
    const admission = await admitApiKey(secretOf(caller.bearer), 0, bookkeepingDb());
    expect(admission.actor?.role).toBe('super_admin');
    expect(admission.limits).toBeNull();
    expect(await countOf((await keyOf(caller.userId)).id)).toBeNull();
  });

  it('records the key as used, once per interval', async () => {
    const caller = await credentialsFor('super_admin');
    const key = await keyOf(caller.userId);
    expect(key.lastUsedAt).toBeNull();
    await admitApiKey(secretOf(caller.bearer), 100);
    await expect.poll(async () => (await keyOf(caller.userId)).lastUsedAt).not.toBeNull();
  });
});

describe('admitApiKey: the reads of an admitted request in the same statement', () => {
  const version = Prisma.sql`(SELECT count(*)::text FROM plans)`;
  // Division by zero if PostgreSQL ever evaluated it: a refused request must read nothing.
  const poison = Prisma.sql`(SELECT (1 / (SELECT count(*) - count(*) FROM plans))::text)`;

  it('reads them, in order, for a super_admin key within its limit, in the statement that counts it', async () => {
    const caller = await credentialsFor('super_admin');
    const plans = await db().plan.count();
    const admission = await admitApiKey(secretOf(caller.bearer), 100, bookkeepingDb(), [version, Prisma.sql`(SELECT NULL::text)`, Prisma.sql`(SELECT 'second')`]);
    expect(admission.reads).toEqual([String(plans), null, 'second']);
    expect(admission.limits).toMatchObject({ allowed: true, remaining: 99 });
    expect((await admitApiKey(secretOf(caller.bearer), 100)).reads).toBeUndefined();
  });

  it('reads nothing for a request that is refused: over its limit, another role, revoked, unknown', async () => {
    const caller = await credentialsFor('super_admin');
    await admitApiKey(secretOf(caller.bearer), 1, bookkeepingDb(), [version]);
    const over = await admitApiKey(secretOf(caller.bearer), 1, bookkeepingDb(), [poison]);
    expect(over.limits).toMatchObject({ allowed: false });
    expect(over.reads).toBeUndefined();
    const support = await admitApiKey(secretOf((await credentialsFor('support')).bearer), 100, bookkeepingDb(), [poison]);
    expect(support.actor?.role).toBe('support');
    expect(support.reads).toBeUndefined();
    const revoked = await credentialsFor('super_admin');
    await revokeApiKey((await keyOf(revoked.userId)).id, 'system');
    expect(await admitApiKey(secretOf(revoked.bearer), 100, bookkeepingDb(), [poison])).toEqual({ actor: null, limits: null });
    await expect(admitApiKey(secretOf(caller.bearer), 100, bookkeepingDb(), [poison])).rejects.toThrow();
  });

  it('with reads it runs on the main pool, committing its count asynchronously for its own transaction only', async () => {
    const caller = await credentialsFor('super_admin');
    const key = await keyOf(caller.userId);
    // One connection, so the SHOW below runs in the session the admission ran in.
    const single = createClient(process.env.DATABASE_URL!, 1);
    try {
      expect((await admitApiKey(secretOf(caller.bearer), 100, single, [version])).reads).toEqual([String(await db().plan.count())]);
      const [setting] = await single.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
      expect(setting!.synchronous_commit).toBe('on');
    } finally {
      await single.$disconnect();
    }
    expect((await admitApiKey(secretOf(caller.bearer), 100, undefined, [version])).limits).toMatchObject({ remaining: 98 });
    expect(await countOf(key.id)).toBe(2);
  });

  describe('with an idempotency plan: the POST\'s Idempotency-Key claimed by the same statement', () => {
    const plan = (key = randomUUID()) => ({ key, requestHash: 'a'.repeat(64), scopeSuffix: ':POST /api/v1/admin/billing/things' });
    const recordsOf = (key: string) => db().idempotencyRecord.findMany({ where: { key } });

    it('an admitted request holds a new in_progress claim scoped to its key and route; a live claim is not taken twice', async () => {
      const caller = await credentialsFor('super_admin');
      const key = await keyOf(caller.userId);
      const idempotency = plan();
      const admission = await admitApiKey(secretOf(caller.bearer), 100, undefined, [], idempotency);
      expect(admission.claimId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await recordsOf(idempotency.key)).toMatchObject([{ id: admission.claimId, scope: `api_key:${key.id}:POST /api/v1/admin/billing/things`, state: 'in_progress', requestHash: idempotency.requestHash }]);
      const again = await admitApiKey(secretOf(caller.bearer), 100, undefined, [], idempotency);
      expect(again.actor).not.toBeNull();
      expect(again.claimId).toBeUndefined();
      expect(await recordsOf(idempotency.key)).toHaveLength(1);
    });

    it('a request over its limit, of another role, or with a revoked key claims nothing', async () => {
      const caller = await credentialsFor('super_admin');
      await admitApiKey(secretOf(caller.bearer), 1);
      const over = plan();
      expect(await admitApiKey(secretOf(caller.bearer), 1, undefined, [], over)).toMatchObject({ limits: { allowed: false } });
      const support = plan();
      expect((await admitApiKey(secretOf((await credentialsFor('support')).bearer), 100, undefined, [], support)).claimId).toBeUndefined();
      const revokedCaller = await credentialsFor('super_admin');
      await revokeApiKey((await keyOf(revokedCaller.userId)).id, 'system');
      const revoked = plan();
      expect(await admitApiKey(secretOf(revokedCaller.bearer), 100, undefined, [], revoked)).toEqual({ actor: null, limits: null });
      for (const refused of [over, support, revoked]) expect(await recordsOf(refused.key)).toEqual([]);
    });
  });
});
