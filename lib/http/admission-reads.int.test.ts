import { beforeAll, describe, expect, it } from 'vitest';
import * as invoices from '@/app/api/v1/admin/billing/invoices/route';
import * as plans from '@/app/api/v1/admin/billing/plans/route';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute, type CallOptions } from '@/tests/integration/call-route';

/** apiAs for a session cookie. */
const sessionAs = (cookie: string) =>
  function call<P>(handler: Parameters<typeof callRoute<P>>[0], options: CallOptions<P> = {}) {
    return callRoute(handler, { ...options, headers: { cookie, ...options.headers } });
  };

// adminRoute's reads folded into an API key's admission statement (versionSql, prefetch): the same
// answers, bytes and tags as a session's request, whose reads are made one by one after its guard.
let key: ReturnType<typeof apiAs>;
let session: ReturnType<typeof sessionAs>;

beforeAll(async () => {
  const caller = await credentialsFor('super_admin');
  key = apiAs(caller.bearer);
  session = sessionAs(caller.sessionCookie);
});

describe('reads made by the admission statement', () => {
  it('GET /plans: the body PostgreSQL wrote, byte for byte the DTOs, and the same tag as a session gets', async () => {
    const byKey = await key(plans.GET);
    const bySession = await session(plans.GET);
    expect(byKey.status, byKey.text).toBe(200);
    expect(byKey.text).toBe(JSON.stringify(await listPlans()));
    expect(bySession.text).toBe(byKey.text);
    expect(byKey.headers.get('etag')).toBe(bySession.headers.get('etag'));
    expect(byKey.headers.get('content-type')).toBe('application/json');
    // A tag that missed: the handler reads the body itself, the same bytes.
    const missed = await key(plans.GET, { headers: { 'if-none-match': '"stale"' } });
    expect(missed.text).toBe(byKey.text);
    expect(missed.headers.get('etag')).toBe(byKey.headers.get('etag'));
    // CSV is not prefetched, and is CSV.
    expect((await key(plans.GET, { query: { format: 'csv' } })).headers.get('content-type')).toMatch(/^text\/csv/);
  });

  it('GET /invoices: a page and the pages after it, byte for byte; an unknown cursor is 400 either way', async () => {
    const run = Math.random().toString(36).slice(2, 7).toUpperCase();
    for (let index = 0; index < 5; index++) await createInvoiceFixture({ total: `${index}.5`, status: 'paid', number: `FOLD-${run}-${index}` });
    let query: Record<string, string> = { limit: '2', q: `FOLD-${run}` };
    for (let pages = 0; pages < 3; pages++) {
      const byKey = await key(invoices.GET, { query });
      expect(byKey.status, byKey.text).toBe(200);
      expect(byKey.text).toBe(JSON.stringify(await listInvoices(ZInvoiceListQuery.parse(query))));
      expect((await session(invoices.GET, { query })).text).toBe(byKey.text);
      if (!byKey.body.next_cursor) break;
      query = { ...query, starting_after: byKey.body.next_cursor };
    }
    expect(query.starting_after).toBeDefined();
    for (const call of [key, session]) {
      const unknown = await call(invoices.GET, { query: { starting_after: '00000000-0000-4000-8000-000000000000' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'invalid_cursor' });
    }
  });

  it('a query that cannot be read is judged after the guard: 401 without credentials, 400 with them', async () => {
    for (const query of [{ limit: 'many' }, { starting_after: 'not-a-uuid' }, { format: 'xml' }] as Record<string, string>[]) {
      expect((await callRoute(invoices.GET, { query })).status).toBe(401);
      const refused = await key(invoices.GET, { query });
      expect(refused.status, refused.text).toBe(400);
    }
    expect((await callRoute(plans.GET, { query: { format: 'xml' } })).status).toBe(401);
    expect((await key(plans.GET, { query: { format: 'xml' } })).status).toBe(400);
  });
});

describe('GET /plans bodies kept by their tag', () => {
  it('answers every change at once, by API key and by session, and the same bytes a fresh read gives', async () => {
    const first = await key(plans.GET);
    expect(first.text).toBe(JSON.stringify(await listPlans()));
    const [target] = await db().plan.findMany({ orderBy: { createdAt: 'asc' }, take: 1 });
    for (const price of ['123.4567', '99999999999999.9999', '0.0001']) {
      await db().plan.update({ where: { id: target!.id }, data: { basePriceMonthly: new Prisma.Decimal(price) } });
      const expected = JSON.stringify(await listPlans());
      for (const call of [key, session, key]) {
        const answered = await call(plans.GET);
        expect(answered.text).toBe(expected);
        expect(answered.headers.get('etag')).not.toBe(first.headers.get('etag'));
      }
      // A tag that missed is answered from the kept body, or read: the current bytes either way.
      expect((await key(plans.GET, { headers: { 'if-none-match': first.headers.get('etag')! } })).text).toBe(expected);
    }
    await db().plan.delete({ where: { id: (await db().plan.create({ data: { ...planData(), slug: `kept-${Date.now()}` } })).id } });
    const created = await db().plan.create({ data: { ...planData(), slug: `kept-new-${Date.now()}` } });
    const afterInsert = await key(plans.GET);
    expect(afterInsert.text).toBe(JSON.stringify(await listPlans()));
    expect(afterInsert.body.some((plan: { id: string }) => plan.id === created.id)).toBe(true);
  });
});

function planData() {
  return {
    name: 'Kept', currency: 'IDR', basePriceMonthly: new Prisma.Decimal('1'), basePriceAnnual: new Prisma.Decimal('10'), perAgentPrice: new Prisma.Decimal('0'),
    overageMessagePrice: new Prisma.Decimal('0'), limits: {}, features: {},
  };
}
