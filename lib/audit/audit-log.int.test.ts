import { beforeAll, describe, expect, it } from 'vitest';
import { GET as auditRoute } from '@/app/api/v1/admin/billing/audit-log/route';
import * as plans from '@/app/api/v1/admin/billing/plans/route';
import * as plan from '@/app/api/v1/admin/billing/plans/[id]/route';
import type { TActor } from '@/lib/auth/actor';
import { createAddon } from '@/lib/billing/addons/create-addon';
import { createCoupon } from '@/lib/billing/coupons/create-coupon';
import { createPlan } from '@/lib/billing/plans/create-plan';
import { updatePlan } from '@/lib/billing/plans/update-plan';
import { db } from '@/lib/db';
import { CREATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { auditDiff } from './audit-diff';
import { recordAudit } from './record-audit';
import { ZAuditPage, type TAuditEntry, type TAuditPage } from './schemas';

let owner: TestCredentials;
let api: ReturnType<typeof apiAs>;
let user: TActor;
let apiKeyId: string;
const list = async (query: Record<string, string> = {}) => api(auditRoute, { path: '/api/v1/admin/billing/audit-log', query });
const page = async (query: Record<string, string> = {}): Promise<TAuditPage> => {
  const result = await list({ limit: '100', ...query });
  expect(result.status, result.text).toBe(200);
  return ZAuditPage.parse(result.body);
};
const actions = (entries: TAuditEntry[]) => entries.map((entry) => entry.action);

/** Entries dated in January 2025 (older than everything the operations write), three per day, two sharing a timestamp. */
async function datedEntries() {
  const at = (day: number, time: string) => new Date(`2025-01-${String(day).padStart(2, '0')}T${time}Z`);
  const dates = [at(10, '08:00:00'), at(10, '12:00:00'), at(10, '12:00:00'), at(11, '00:00:00'), at(11, '23:59:59.999'), at(12, '00:00:00')];
  for (const [i, createdAt] of dates.entries()) {
    await db().auditLogEntry.create({
      data: { actorType: 'system', actorLabel: 'system', action: 'invoice.issued', entityType: 'invoice', entityId: crypto.randomUUID(), after: { number: `INV-OLD-${i}` }, createdAt },
    });
  }
}

beforeAll(async () => {
  owner = await credentialsFor('super_admin');
  api = apiAs(owner.bearer);
  user = { type: 'user', id: owner.userId, label: owner.email, role: 'super_admin' };
  apiKeyId = (await db().apiKey.findFirstOrThrow({ where: { createdById: owner.userId } })).id;
  await datedEntries();
  const created = await createPlan({ ...CREATE_PLAN_BODY, slug: 'audit-growth', currency: 'IDR', sort_order: 0, features: { ai_agent: true, api_access: true, dedicated_support: false } }, user, 'req-create-1');
  await updatePlan(created.id, { name: 'Audit Growth', limits: { ...CREATE_PLAN_BODY.limits, max_agents: 25 } }, user);
  await createCoupon({ code: 'AUDIT10', discount_type: 'percentage', discount_value: 10, duration: 'once', applicable_plans: null, max_uses: null }, user);
  await createAddon({ name: 'Audit add-on', slug: 'audit-addon', price_monthly: 50_000, unit: 'flat', sort_order: 0 }, user);
  await db().$transaction((tx) => recordAudit(tx, 'system', { action: 'plan.synced', entityType: 'plan', entityId: created.id, after: { ok: true } }));
});

describe('GET /audit-log', () => {
  it('answers { data, has_more, next_cursor }, newest first, in the documented shape', async () => {
    const result = await page({ limit: '3' });
    expect(result.data).toHaveLength(3);
    expect(result.has_more).toBe(true);
    expect(result.next_cursor).toBe(result.data[2]!.id);
    const all = (await page()).data;
    const times = all.map((entry) => entry.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all[0]!.action).toBe('plan.synced');
  });

  it('walks every entry exactly once along next_cursor, equal timestamps included, stable under inserts', async () => {
    const total = (await page()).data.length;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: TAuditPage = await page({ limit: '2', ...(cursor ? { starting_after: cursor } : {}) });
      seen.push(...result.data.map((entry) => entry.id));
      cursor = result.next_cursor;
      // Newer than every cursor: it must not shift later pages.
      if (pages++ === 1) await db().$transaction((tx) => recordAudit(tx, 'system', { action: 'plan.synced', entityType: 'plan', entityId: crypto.randomUUID() }));
    } while (cursor);
    expect(pages).toBeGreaterThan(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('a cursor between two entries of the same instant continues with the other one (id breaks the tie)', async () => {
    const day = { entity_type: 'invoice', from: '2025-01-10', to: '2025-01-10' };
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const result: TAuditPage = await page({ ...day, limit: '1', ...(cursor ? { starting_after: cursor } : {}) });
      walked.push(...result.data.map((entry) => String(entry.after?.number)));
      cursor = result.next_cursor;
    } while (cursor);
    expect(walked).toHaveLength(3);
    expect(walked.slice(0, 2).sort()).toEqual(['INV-OLD-1', 'INV-OLD-2']);
    expect(walked[2]).toBe('INV-OLD-0');
  });

  it('filters by actor: part of the label (any case), or an exact user or API key id', async () => {
    const byLabel = (await page({ actor: owner.email.slice(0, 14).toUpperCase() })).data;
    expect(actions(byLabel).sort()).toEqual(['addon.created', 'api_key.created', 'coupon.created', 'plan.created', 'plan.updated']);
    expect((await page({ actor: owner.userId.toUpperCase() })).data).toHaveLength(5);
    // A label search is literal: LIKE's wildcards match only themselves.
    expect((await page({ actor: '%' })).data).toEqual([]);
    const underscored = (await page({ actor: '_' })).data;
    expect(underscored.length).toBeGreaterThan(0);
    expect(underscored.every((entry) => entry.actor_label.includes('_'))).toBe(true);
    expect((await page({ actor: 'system' })).data.every((entry) => entry.actor_type === 'system')).toBe(true);
    // createApiKey audits as the user; a change made with the key is the key's.
    const viaKey = await api(plan.PATCH, { method: 'PATCH', params: { id: byLabel.find((entry) => entry.action === 'plan.created')!.entity_id }, body: { sort_order: 5 } });
    expect(viaKey.status).toBe(200);
    const byKey = (await page({ actor: apiKeyId })).data;
    expect(byKey).toHaveLength(1);
    expect(byKey[0]).toMatchObject({ actor_type: 'api_key', actor_id: apiKeyId, action: 'plan.updated' });
    expect((await page({ actor: crypto.randomUUID() })).data).toEqual([]);
  });

  it('filters by entity type, entity id and action', async () => {
    const coupons = (await page({ entity_type: 'coupon' })).data;
    expect(actions(coupons)).toEqual(['coupon.created']);
    const planId = (await page({ action: 'plan.created', actor: owner.userId })).data[0]!.entity_id;
    const history = (await page({ entity_type: 'plan', entity_id: planId.toUpperCase() })).data;
    expect(actions(history).slice(-3)).toEqual(['plan.synced', 'plan.updated', 'plan.created']);
    expect(history.every((entry) => entry.entity_id === planId)).toBe(true);
    expect(actions((await page({ action: 'addon.created' })).data)).toEqual(['addon.created']);
    expect((await page({ entity_type: 'api_key', action: 'plan.created' })).data).toEqual([]);
  });

  it('filters by date: a date is its whole day (UTC), a timestamp is exact; `to` is inclusive of its day', async () => {
    const numbers = async (query: Record<string, string>) => (await page({ entity_type: 'invoice', ...query })).data.map((entry) => entry.after?.number);
    expect(await numbers({ from: '2025-01-11', to: '2025-01-11' })).toEqual(['INV-OLD-4', 'INV-OLD-3']);
    expect(await numbers({ from: '2025-01-10', to: '2025-01-10' })).toHaveLength(3);
    expect(await numbers({ from: '2025-01-10T12:00:00Z', to: '2025-01-11T00:00:00Z' })).toHaveLength(2);
    expect(await numbers({ from: '2025-01-12' })).toEqual(['INV-OLD-5']);
    expect(await numbers({ to: '2025-01-09' })).toEqual([]);
  });

  it('bad parameters are 400 with the field named', async () => {
    const bad: [Record<string, string>, string][] = [
      [{ limit: '0' }, 'limit'], [{ limit: '101' }, 'limit'], [{ limit: 'abc' }, 'limit'], [{ limit: '2.5' }, 'limit'],
      [{ entity_type: 'tenant' }, 'entity_type'], [{ entity_id: 'not-a-uuid' }, 'entity_id'], [{ action: 'DROP TABLE' }, 'action'],
      [{ from: '2025-02-30' }, 'from'], [{ from: '2025-01-12', to: '2025-01-11' }, 'to'], [{ starting_after: 'x' }, 'starting_after'],
      [{ actor_email: 'a' }, 'actor_email'],
    ];
    for (const [query, path] of bad) {
      const result = await list(query);
      expect(result.status, JSON.stringify(query)).toBe(400);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(result.body.errors.map((error: { path: string }) => error.path), JSON.stringify(query)).toContain(path);
    }
    const unknownCursor = await list({ starting_after: crypto.randomUUID() });
    expect(unknownCursor.status).toBe(400);
    expect(unknownCursor.body.code).toBe('invalid_cursor');
  });

  it('is for super-admins only: 401 without credentials, 403 for an admin', async () => {
    expect((await apiAs('Bearer nope')(auditRoute)).status).toBe(401);
    expect((await apiAs((await credentialsFor('admin')).bearer)(auditRoute)).status).toBe(403);
  });
});

describe('entries written by real operations', () => {
  it('createPlan then updatePlan: who, the request id, and a diff of exactly the changed fields', async () => {
    const [update, creation] = (await page({ entity_type: 'plan', action: 'plan.updated', actor: owner.userId })).data
      .concat((await page({ entity_type: 'plan', action: 'plan.created', actor: owner.userId })).data);
    expect(creation).toMatchObject({ actor_type: 'user', actor_id: owner.userId, actor_label: owner.email, request_id: 'req-create-1', before: null });
    expect(creation!.after).toMatchObject({ slug: 'audit-growth', base_price_monthly: 799_000 });
    expect(auditDiff(creation!.before, creation!.after).every((change) => change.kind === 'added')).toBe(true);

    expect(update).toMatchObject({ entity_id: creation!.entity_id, request_id: null });
    const changes = auditDiff(update!.before, update!.after);
    expect(changes.map((change) => change.path).sort()).toEqual(['limits.max_agents', 'name', 'updated_at']);
    expect(changes.find((change) => change.path === 'limits.max_agents')).toEqual({ path: 'limits.max_agents', kind: 'changed', before: CREATE_PLAN_BODY.limits.max_agents, after: 25 });
    expect(changes.find((change) => change.path === 'name')).toMatchObject({ before: 'Growth', after: 'Audit Growth' });
  });

  it('a change through the REST API carries that request\'s id, so the log line and the audit entry meet', async () => {
    const result = await api(plans.POST, { method: 'POST', body: { ...CREATE_PLAN_BODY, slug: 'audit-rest' }, headers: { 'x-request-id': 'audit-rest-request-1' } });
    expect(result.status).toBe(201);
    const [entry] = (await page({ entity_id: result.body.id })).data;
    expect(entry).toMatchObject({ action: 'plan.created', actor_type: 'api_key', actor_id: apiKeyId, request_id: 'audit-rest-request-1' });
    expect(entry!.after).toMatchObject({ overage_message_price: 250 });
  });
});
