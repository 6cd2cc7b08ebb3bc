import { beforeAll, describe, expect, it } from 'vitest';
import * as invoices from '@/app/api/v1/admin/billing/invoices/route';
import * as plans from '@/app/api/v1/admin/billing/plans/route';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { ZInvoiceListQuery } from '@/lib/billing/invoices/schemas';
import { listPlans } from '@/lib/billing/plans/list-plans';
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
