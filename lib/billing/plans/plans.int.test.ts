import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v1/admin/billing/plans/route';
import * as member from '@/app/api/v1/admin/billing/plans/[id]/route';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { ZPlan } from './schemas';
import { itHonoursIdempotencyKeyOnCreate } from '@/tests/integration/idempotent-create-cases';

let api: ReturnType<typeof apiAs>;
const limits = { max_agents: 5, max_contacts: 1000, max_messages_month: 10000, max_channels: 3, max_ai_agents: null };
let counter = 0;
const planBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Growth',
  slug: `growth-${++counter}`,
  base_price_monthly: 799000,
  per_agent_price: 99000,
  overage_message_price: 150,
  limits,
  features: { ai_agent: true },
  ...overrides,
});
const create = (body: unknown, headers: Record<string, string> = {}) => api(collection.POST, { method: 'POST', body, headers });
const patch = (id: string, body: unknown, method = 'PATCH') => api(member.PATCH, { method, params: { id }, body });

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

const fieldErrors = (result: { body: { errors?: { path: string }[] } }) => result.body.errors?.map((error) => error.path) ?? [];

describe('POST /plans', () => {
  it('applies the seed defaults: currency IDR, annual = monthly × 10, sort_order 0, active, missing features false', async () => {
    const result = await create(planBody());
    expect(result.status).toBe(201);
    const plan = ZPlan.parse(result.body);
    expect(plan).toMatchObject({ currency: 'IDR', base_price_annual: 7990000, sort_order: 0, is_active: true });
    expect(plan.features).toEqual({ ai_agent: true, api_access: false, dedicated_support: false });
  });

  it('keeps an explicit annual price', async () => {
    expect((await create(planBody({ base_price_annual: 7000000 }))).body.base_price_annual).toBe(7000000);
  });

  it('rejects negative prices', async () => {
    const result = await create(planBody({ base_price_monthly: -1, per_agent_price: -5 }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['base_price_monthly', 'per_agent_price']));
  });

  it.each(['Pro', 'pro plan', 'pro--plan', '-pro', 'pro-', 'a'.repeat(65), ''])('rejects the slug %j', async (slug) => {
    const result = await create(planBody({ slug }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toContain('slug');
  });

  it('rejects unknown limit keys and incomplete limits', async () => {
    expect(fieldErrors(await create(planBody({ limits: { ...limits, max_widgets: 1 } })))).toContain('limits.max_widgets');
    const { max_channels: _omitted, ...incomplete } = limits;
    expect(fieldErrors(await create(planBody({ limits: incomplete })))).toContain('limits.max_channels');
  });

  it('rejects unknown body fields (no mass assignment)', async () => {
    const result = await create(planBody({ is_active: false, id: crypto.randomUUID() }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['is_active', 'id']));
  });

  it('rejects IDR amounts with decimals and accepts USD cents', async () => {
    const idr = await create(planBody({ base_price_monthly: 799000.5 }));
    expect(idr.status).toBe(400);
    expect(fieldErrors(idr)).toContain('base_price_monthly');
    const usd = await create(planBody({ currency: 'USD', base_price_monthly: 49.99, per_agent_price: 9.5, overage_message_price: 0.01 }));
    expect(usd.status).toBe(201);
    expect(usd.body).toMatchObject({ base_price_monthly: 49.99, base_price_annual: 499.9, overage_message_price: 0.01 });
    expect((await create(planBody({ currency: 'USD', overage_message_price: 0.001 }))).status).toBe(400);
  });

  it('rejects unsupported currencies', async () => {
    expect(fieldErrors(await create(planBody({ currency: 'XXX' })))).toContain('currency');
  });

  it('a taken slug is 409 slug_taken on the slug field', async () => {
    const first = await create(planBody());
    const again = await create(planBody({ slug: first.body.slug }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('slug_taken');
    expect(fieldErrors(again)).toEqual(['slug']);
  });

  it('writes the creation to the audit log with the acting key', async () => {
    const result = await create(planBody());
    const entry = await db().auditLogEntry.findFirst({ where: { entityId: result.body.id } });
    expect(entry).toMatchObject({ action: 'plan.created', entityType: 'plan', actorType: 'api_key' });
    expect(entry?.after).toMatchObject({ slug: result.body.slug });
  });
});

describe('GET /plans', () => {
  it('lists active and inactive plans by sort_order, then created_at', async () => {
    const late = await create(planBody({ sort_order: -100 }));
    const early = await create(planBody({ sort_order: -200 }));
    await patch(late.body.id, { is_active: false });
    const list = await api(collection.GET);
    expect(list.status).toBe(200);
    const ids = list.body.map((plan: { id: string }) => plan.id);
    expect(ids.indexOf(early.body.id)).toBeLessThan(ids.indexOf(late.body.id));
    expect(list.body.find((plan: { id: string }) => plan.id === late.body.id).is_active).toBe(false);
    for (const plan of list.body) ZPlan.parse(plan);
  });
});

describe('GET/PATCH/PUT /plans/{id}', () => {
  it('an unknown id is 404 and a non-UUID id is 404, never 500', async () => {
    expect((await api(member.GET, { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await api(member.GET, { params: { id: 'not-a-uuid' } })).status).toBe(404);
    expect((await patch('not-a-uuid', { name: 'x' })).status).toBe(404);
  });

  it('PATCH changes only what it names; the annual price is not recomputed', async () => {
    const plan = (await create(planBody())).body;
    const result = await patch(plan.id, { base_price_monthly: 899000 });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ base_price_monthly: 899000, base_price_annual: plan.base_price_annual, name: plan.name });
  });

  it('PUT is an alias of PATCH', async () => {
    const plan = (await create(planBody())).body;
    const result = await patch(plan.id, { name: 'Renamed' }, 'PUT');
    expect(result.status).toBe(200);
    expect(result.body.name).toBe('Renamed');
  });

  it('limits in an update replace the whole object and must be complete', async () => {
    const plan = (await create(planBody())).body;
    expect((await patch(plan.id, { limits: { max_agents: 1 } })).status).toBe(400);
    const next = { ...limits, max_agents: null };
    expect((await patch(plan.id, { limits: next })).body.limits).toEqual(next);
  });

  it('rejects fields that are not updatable', async () => {
    const plan = (await create(planBody())).body;
    const result = await patch(plan.id, { id: crypto.randomUUID(), created_at: '2020-01-01T00:00:00Z' });
    expect(result.status).toBe(400);
  });

  it('checks decimals against the plan currency when the body has none', async () => {
    const plan = (await create(planBody())).body;
    expect((await patch(plan.id, { per_agent_price: 10.5 })).status).toBe(400);
  });

  it('the currency of a plan with subscriptions cannot change (409)', async () => {
    const plan = (await create(planBody())).body;
    const org = await db().organization.create({ data: { name: 'Org', slug: `org-${plan.slug}`, billingEmail: 'b@x.io', country: 'ID' } });
    await db().subscription.create({
      data: { organizationId: org.id, planId: plan.id, billingCycle: 'monthly', currency: 'IDR', agentCount: 2, startedAt: new Date(), currentPeriodStart: new Date(), currentPeriodEnd: new Date() },
    });
    const result = await patch(plan.id, { currency: 'USD' });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('plan_currency_locked');
  });

  it('deactivation keeps the plan (never deleted) and is audited with before and after', async () => {
    const plan = (await create(planBody())).body;
    expect((await patch(plan.id, { is_active: false })).body.is_active).toBe(false);
    expect((await api(member.GET, { params: { id: plan.id } })).body.is_active).toBe(false);
    const entry = await db().auditLogEntry.findFirst({ where: { entityId: plan.id, action: 'plan.updated' } });
    expect(entry?.before).toMatchObject({ is_active: true });
    expect(entry?.after).toMatchObject({ is_active: false });
  });

  it('renaming onto a taken slug is 409 slug_taken', async () => {
    const a = (await create(planBody())).body;
    const b = (await create(planBody())).body;
    const result = await patch(b.id, { slug: a.slug });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('slug_taken');
  });
});

describe('Idempotency-Key on POST /plans', () => {
  itHonoursIdempotencyKeyOnCreate({ create, makeBody: () => planBody(), count: (body) => db().plan.count({ where: { slug: body.slug } }) });

  it('a retry while the first is running is 409 idempotency_request_in_progress', async () => {
    const body = planBody();
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => create(body, { 'idempotency-key': key })));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    for (const result of results.filter((r) => r.status === 409)) expect(result.body.code).toBe('idempotency_request_in_progress');
    expect(await db().plan.count({ where: { slug: body.slug } })).toBe(1);
  });

  it('stores a 4xx too: the retry gets the same answer', async () => {
    const key = crypto.randomUUID();
    const bad = planBody({ base_price_monthly: -1 });
    const first = await create(bad, { 'idempotency-key': key });
    const second = await create(bad, { 'idempotency-key': key });
    expect(first.status).toBe(400);
    expect(second.text).toBe(first.text);
  });

  it('rejects an over-long key', async () => {
    const result = await create(planBody(), { 'idempotency-key': 'k'.repeat(256) });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('invalid_idempotency_key');
  });
});
