import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as collection from '@/app/api/v1/admin/billing/api-keys/route';
import * as revoke from '@/app/api/v1/admin/billing/api-keys/[id]/revoke/route';
import { GET as listPlans } from '@/app/api/v1/admin/billing/plans/route';
import { db } from '@/lib/db';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { callRoute } from '@/tests/integration/call-route';
import { hashApiKeySecret } from './api-key-secret';
import { ZApiKey, ZCreatedApiKey } from './schemas';

let admin: TestCredentials;
let api: ReturnType<typeof apiAs>;
let counter = 0;

const create = (body: unknown, headers: Record<string, string> = {}) => api(collection.POST, { method: 'POST', body, headers });
const revokeKey = (id: string) => api(revoke.POST, { method: 'POST', params: { id } });
const newKey = async (overrides: Record<string, unknown> = {}) => {
  const result = await create({ name: `Service ${++counter}`, role: 'super_admin', ...overrides });
  expect(result.status).toBe(201);
  return ZCreatedApiKey.parse(result.body);
};
const plansWith = (secret: string) => callRoute(listPlans, { headers: { authorization: `Bearer ${secret}` } });
const lastUsedAt = async (id: string) => (await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;

beforeAll(async () => {
  admin = await credentialsFor('super_admin');
  api = apiAs(admin.bearer);
});

describe('POST /api-keys', () => {
  it('returns the key and its secret once (201); the secret authenticates at once', async () => {
    const result = await create({ name: 'Invoicing service', role: 'super_admin' });
    expect(result.status).toBe(201);
    const { api_key: key, secret } = ZCreatedApiKey.strict().parse(result.body);
    ZApiKey.strict().parse(key);
    expect(secret).toMatch(/^bk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: 'Invoicing service', role: 'super_admin', prefix: secret.slice(0, 11), last_used_at: null, revoked_at: null });
    expect((await plansWith(secret)).status).toBe(200);
  });

  it('stores only the hash: no column holds the secret, and the hash is not the secret', async () => {
    const { api_key: key, secret } = await newKey();
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).toBe(hashApiKeySecret(secret));
    expect(row.secretHash).not.toBe(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));
    expect(row.prefix).toBe(secret.slice(0, 11));
  });

  it('trims the name and rejects an empty, over-long or unknown role', async () => {
    expect((await newKey({ name: '  Trimmed  ' })).api_key.name).toBe('Trimmed');
    for (const body of [{ name: '   ', role: 'super_admin' }, { name: 'x'.repeat(101), role: 'super_admin' }, { name: 'Owner', role: 'owner' }, { name: 'No role' }]) {
      const result = await create(body);
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('validation_failed');
    }
    expect((await create({ name: 'x'.repeat(100), role: 'support' })).status).toBe(201);
  });

  it('rejects unknown fields, so a caller cannot choose its own secret or hash', async () => {
    const result = await create({ name: 'Mine', role: 'super_admin', secret_hash: 'x', prefix: 'bk_chosen1' });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['secret_hash', 'prefix']));
  });

  it('a key with another role authenticates but is 403 on this API', async () => {
    const { secret } = await newKey({ role: 'admin' });
    expect((await plansWith(secret)).status).toBe(403);
  });

  it('is audited with the acting key, and the entry holds neither secret nor hash', async () => {
    const { api_key: key, secret } = await newKey();
    const entry = await db().auditLogEntry.findFirstOrThrow({ where: { entityType: 'api_key', entityId: key.id } });
    expect(entry).toMatchObject({ action: 'api_key.created', actorType: 'api_key' });
    expect(entry.after).toEqual(key);
    const text = JSON.stringify(entry);
    expect(text).not.toContain(secret.slice(3));
    expect(text).not.toContain(hashApiKeySecret(secret));
  });

  it('an Idempotency-Key retry creates no second key and does not replay (or store) the secret', async () => {
    const body = { name: `Retried ${++counter}`, role: 'super_admin' };
    const key = crypto.randomUUID();
    const first = await create(body, { 'idempotency-key': key });
    const retry = await create(body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ code: 'api_key_secret_not_replayable', api_key_id: first.body.api_key.id });
    expect(retry.text).not.toContain(first.body.secret);
    expect(await db().apiKey.count({ where: { name: body.name } })).toBe(1);
    const records = await db().idempotencyRecord.findMany();
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toContain(first.body.secret.slice(3));
  });
});

describe('GET /api-keys', () => {
  it('lists every key, newest first, with the contract fields and never a hash or secret', async () => {
    const older = await newKey();
    const newer = await newKey();
    await revokeKey(older.api_key.id);
    const result = await api(collection.GET);
    expect(result.status).toBe(200);
    const keys = ZApiKey.strict().array().parse(result.body);
    const ids = keys.map((key) => key.id);
    expect(ids.indexOf(newer.api_key.id)).toBeLessThan(ids.indexOf(older.api_key.id));
    expect(keys.find((key) => key.id === older.api_key.id)?.revoked_at).not.toBeNull();

    const rows = await db().apiKey.findMany();
    expect(rows.length).toBe(keys.length);
    for (const row of rows) expect(result.text).not.toContain(row.secretHash);
    for (const secret of [older.secret, newer.secret]) expect(result.text).not.toContain(secret.slice(3));
    expect(result.text).not.toMatch(/hash|secret/i);
  });

  it('names the creator: a user by email, a key by its label', async () => {
    const byKey = await newKey();
    const byUser = await callRoute(collection.POST, { method: 'POST', body: { name: 'From the console', role: 'support' }, headers: { cookie: admin.sessionCookie } });
    expect(byUser.body.api_key.created_by).toBe(admin.email);
    const keys: { id: string; created_by: string | null }[] = (await api(collection.GET)).body;
    expect(keys.find((key) => key.id === byUser.body.api_key.id)?.created_by).toBe(admin.email);
    expect(keys.find((key) => key.id === byKey.api_key.id)?.created_by).toMatch(/^API key .+ \(bk_.{8}…\)$/);
  });
});

describe('POST /api-keys/{id}/revoke', () => {
  it('rejects the key at once (401), sets revoked_at and is audited', async () => {
    const { api_key: key, secret } = await newKey();
    expect((await plansWith(secret)).status).toBe(200);
    const result = await revokeKey(key.id);
    expect(result.status).toBe(200);
    const revoked = ZApiKey.strict().parse(result.body);
    expect(revoked.revoked_at).not.toBeNull();
    const denied = await plansWith(secret);
    expect(denied.status).toBe(401);
    expect(denied.body.code).toBe('unauthenticated');

    const entry = await db().auditLogEntry.findFirstOrThrow({ where: { entityId: key.id, action: 'api_key.revoked' } });
    expect(entry.before).toMatchObject({ id: key.id, revoked_at: null });
    expect(entry.after).toEqual(revoked);
    expect(JSON.stringify(entry)).not.toContain(hashApiKeySecret(secret));
  });

  it('is idempotent: a second revoke returns the same key and writes no second entry', async () => {
    const { api_key: key } = await newKey();
    const first = await revokeKey(key.id);
    const second = await revokeKey(key.id);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await db().auditLogEntry.count({ where: { entityId: key.id, action: 'api_key.revoked' } })).toBe(1);
  });

  it('concurrent revokes change the row once', async () => {
    const { api_key: key } = await newKey();
    const results = await Promise.all(Array.from({ length: 5 }, () => revokeKey(key.id)));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((result) => result.body.revoked_at)).size).toBe(1);
    expect(await db().auditLogEntry.count({ where: { entityId: key.id, action: 'api_key.revoked' } })).toBe(1);
  });

  it('an unknown id and a non-UUID id are 404', async () => {
    expect((await revokeKey(crypto.randomUUID())).status).toBe(404);
    expect((await revokeKey('not-a-uuid')).status).toBe(404);
  });

  it('a key can revoke itself, and is refused on its next request', async () => {
    const { api_key: key, secret } = await newKey();
    const self = apiAs(`Bearer ${secret}`);
    expect((await self(revoke.POST, { method: 'POST', params: { id: key.id } })).status).toBe(200);
    expect((await self(collection.GET)).status).toBe(401);
  });
});

describe('last_used_at', () => {
  it('is set after the first use, and not rewritten by another request within a minute', async () => {
    const { api_key: key, secret } = await newKey();
    expect(await lastUsedAt(key.id)).toBeNull();
    expect((await plansWith(secret)).status).toBe(200);
    // The write is fire-and-forget, so it may land just after the response.
    const first = await vi.waitFor(async () => {
      const value = await lastUsedAt(key.id);
      expect(value).not.toBeNull();
      return value;
    });
    expect((await plansWith(secret)).status).toBe(200);
    expect((await plansWith(secret)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await lastUsedAt(key.id)).toEqual(first);
    expect((await api(collection.GET)).body.find((listed: { id: string }) => listed.id === key.id).last_used_at).toBe(first?.toISOString());
  });

  it('is written again once it is more than a minute old', async () => {
    const { api_key: key, secret } = await newKey();
    const stale = new Date(Date.now() - 120_000);
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: stale } });
    expect((await plansWith(secret)).status).toBe(200);
    await vi.waitFor(async () => expect((await lastUsedAt(key.id))!.getTime()).toBeGreaterThan(stale.getTime()));
  });
});
