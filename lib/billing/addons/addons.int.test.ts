import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v1/admin/billing/addons/route';
import * as member from '@/app/api/v1/admin/billing/addons/[id]/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { callRoute } from '@/tests/integration/call-route';
import { ZAddon } from './schemas';
import { itHonoursIdempotencyKeyOnCreate } from '@/tests/integration/idempotent-create-cases';

let api: ReturnType<typeof apiAs>;
let counter = 0;
const addonBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Extra WhatsApp number',
  slug: `extra-number-${++counter}`,
  price_monthly: 150000,
  ...overrides,
});
const create = (body: unknown, headers: Record<string, string> = {}) => api(collection.POST, { method: 'POST', body, headers });
const patch = (id: string, body: unknown, method = 'PATCH') => api(member.PATCH, { method, params: { id }, body });
const created = async (overrides: Record<string, unknown> = {}) => ZAddon.parse((await create(addonBody(overrides))).body);
const fieldErrors = (result: { body: { errors?: { path: string }[] } }) => result.body.errors?.map((error) => error.path) ?? [];

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

describe('POST /addons', () => {
  it('applies the seed defaults: annual = monthly × 10, unit flat, sort_order 0, active, no description', async () => {
    const result = await create(addonBody());
    expect(result.status).toBe(201);
    const addon = ZAddon.strict().parse(result.body);
    expect(addon).toMatchObject({ price_monthly: 150000, price_annual: 1500000, unit: 'flat', sort_order: 0, is_active: true, description: null });
    expect((await db().addon.findUniqueOrThrow({ where: { id: addon.id } })).currency).toBe('IDR');
  });

  it('keeps an explicit annual price, description and sort_order', async () => {
    const addon = await created({ price_annual: 1200000, description: 'One more number.', sort_order: 5 });
    expect(addon).toMatchObject({ price_annual: 1200000, description: 'One more number.', sort_order: 5 });
  });

  it('accepts the per_agent unit', async () => {
    expect((await created({ unit: 'per_agent' })).unit).toBe('per_agent');
  });

  it('rejects an unknown unit with 400 on the unit field', async () => {
    const result = await create(addonBody({ unit: 'per_seat' }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['unit']);
  });

  it('rejects negative prices', async () => {
    const result = await create(addonBody({ price_monthly: -1, price_annual: -10 }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['price_monthly', 'price_annual']));
  });

  it('rejects rupiah amounts with decimals (add-ons are priced in IDR)', async () => {
    const result = await create(addonBody({ price_monthly: 150000.5, price_annual: 0.01 }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['price_monthly', 'price_annual']));
  });

  it('requires name, slug and price_monthly', async () => {
    const result = await create({});
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['name', 'slug', 'price_monthly']));
  });

  it('rejects a description over 500 characters and stores a blank one as null', async () => {
    expect(fieldErrors(await create(addonBody({ description: 'x'.repeat(501) })))).toEqual(['description']);
    expect((await created({ description: '   ' })).description).toBeNull();
  });

  it.each(['Extra', 'extra number', 'extra--number', '-extra', 'extra-', 'a'.repeat(65), ''])('rejects the slug %j', async (slug) => {
    const result = await create(addonBody({ slug }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toContain('slug');
  });

  it('a taken slug is 409 slug_taken on the slug field', async () => {
    const first = await created();
    const again = await create(addonBody({ slug: first.slug }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('slug_taken');
    expect(fieldErrors(again)).toEqual(['slug']);
  });

  it('rejects unknown body fields (no mass assignment)', async () => {
    const result = await create(addonBody({ is_active: false, currency: 'USD', id: crypto.randomUUID() }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['is_active', 'currency', 'id']));
  });

  it('writes the creation to the audit log with the acting key', async () => {
    const addon = await created();
    const entry = await db().auditLogEntry.findFirst({ where: { entityId: addon.id } });
    expect(entry).toMatchObject({ action: 'addon.created', entityType: 'addon', actorType: 'api_key' });
    expect(entry?.after).toMatchObject({ slug: addon.slug, price_annual: 1500000 });
  });
});

describe('GET /addons', () => {
  it('lists active and inactive add-ons by sort_order, then created_at', async () => {
    const late = await created({ sort_order: -100 });
    const early = await created({ sort_order: -200 });
    const sameOrderLater = await created({ sort_order: -100 });
    await patch(late.id, { is_active: false });
    const list = await api(collection.GET);
    expect(list.status).toBe(200);
    const ids = list.body.map((addon: { id: string }) => addon.id);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(sameOrderLater.id));
    expect(list.body.find((addon: { id: string }) => addon.id === late.id).is_active).toBe(false);
    for (const addon of list.body) ZAddon.strict().parse(addon);
  });
});

describe('GET/PATCH/PUT /addons/{id}', () => {
  it('GET returns one add-on', async () => {
    const addon = await created();
    const result = await api(member.GET, { params: { id: addon.id } });
    expect(result.status).toBe(200);
    expect(ZAddon.strict().parse(result.body)).toEqual(addon);
  });

  it('an unknown id is 404 and a non-UUID id is 404, never 500', async () => {
    expect((await api(member.GET, { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await api(member.GET, { params: { id: 'not-a-uuid' } })).status).toBe(404);
    expect((await patch(crypto.randomUUID(), { name: 'x' })).status).toBe(404);
    expect((await patch('not-a-uuid', { slug: 'bad body too' })).status).toBe(404);
  });

  it('PATCH changes only what it names; the annual price is not recomputed', async () => {
    const addon = await created({ description: 'Kept.' });
    const result = await patch(addon.id, { price_monthly: 175000 });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ price_monthly: 175000, price_annual: addon.price_annual, name: addon.name, description: 'Kept.' });
  });

  it('PUT is an alias of PATCH', async () => {
    const addon = await created();
    const result = await patch(addon.id, { name: 'Renamed', description: null, sort_order: 3 }, 'PUT');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ name: 'Renamed', description: null, sort_order: 3, slug: addon.slug });
  });

  it('slug and unit are fixed after creation: sending them is 400 with the reason', async () => {
    const addon = await created();
    const result = await patch(addon.id, { slug: 'another-slug', unit: 'per_agent' });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['slug', 'unit']));
    expect(result.body.errors.find((error: { path: string }) => error.path === 'slug').message).toMatch(/slug cannot change after creation/);
    expect((await patch(addon.id, { slug: addon.slug })).status).toBe(400);
  });

  it('rejects fields that are not updatable', async () => {
    const addon = await created();
    const result = await patch(addon.id, { id: crypto.randomUUID(), created_at: '2020-01-01T00:00:00Z' });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['id', 'created_at']));
  });

  it('rejects rupiah decimals and negative prices in an update', async () => {
    const addon = await created();
    expect(fieldErrors(await patch(addon.id, { price_annual: 10.5 }))).toEqual(['price_annual']);
    expect(fieldErrors(await patch(addon.id, { price_monthly: -1 }))).toEqual(['price_monthly']);
  });

  it('deactivation keeps the add-on (never deleted) and is audited with before and after', async () => {
    const addon = await created();
    expect((await patch(addon.id, { is_active: false })).body.is_active).toBe(false);
    expect((await api(member.GET, { params: { id: addon.id } })).body.is_active).toBe(false);
    const entry = await db().auditLogEntry.findFirst({ where: { entityId: addon.id, action: 'addon.updated' } });
    expect(entry).toMatchObject({ entityType: 'addon', actorType: 'api_key' });
    expect(entry?.before).toMatchObject({ is_active: true });
    expect(entry?.after).toMatchObject({ is_active: false });
  });

  it('a rejected update writes no audit entry', async () => {
    const addon = await created();
    await patch(addon.id, { unit: 'per_agent' });
    expect(await db().auditLogEntry.count({ where: { entityId: addon.id, action: 'addon.updated' } })).toBe(0);
  });
});

describe('access', () => {
  it('only super-admins: another role is 403, anonymous is 401, and nothing is created', async () => {
    const admin = apiAs((await credentialsFor('admin')).bearer);
    const body = addonBody();
    expect((await admin(collection.POST, { method: 'POST', body })).status).toBe(403);
    expect((await admin(collection.GET)).status).toBe(403);
    expect((await callRoute(collection.GET)).status).toBe(401);
    expect(await db().addon.count({ where: { slug: body.slug } })).toBe(0);
  });
});

describe('Idempotency-Key on POST /addons', () => {
  itHonoursIdempotencyKeyOnCreate({ create, makeBody: () => addonBody(), count: (body) => db().addon.count({ where: { slug: body.slug } }) });
});
