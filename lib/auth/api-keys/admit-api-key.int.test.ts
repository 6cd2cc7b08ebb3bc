import { describe, expect, it } from 'vitest';
import { bookkeepingDb, db } from '@/lib/db';
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
