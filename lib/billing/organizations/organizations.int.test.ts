import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as organizationsRoute } from '@/app/api/v1/admin/billing/organizations/route';
import { db } from '@/lib/db';
import { credentialsFor, type TestCredentials } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { callRoute } from '@/tests/integration/call-route';
import { findOrganizationSummary } from './find-organization-summary';
import { ZOrganizationPage, type TOrganizationPage } from './schemas';

const PATH = '/api/v1/admin/billing/organizations';
let owner: TestCredentials;
let api: ReturnType<typeof apiAs>;

const list = (query: Record<string, string> = {}) => api(organizationsRoute, { path: PATH, query });
const page = async (query: Record<string, string> = {}): Promise<TOrganizationPage> => {
  const result = await list(query);
  expect(result.status, result.text).toBe(200);
  return ZOrganizationPage.parse(result.body);
};
const names = (result: TOrganizationPage) => result.data.map((organization) => organization.name);

let sequence = 0;
async function organization(name: string) {
  const slug = `org-test-${++sequence}-${randomUUID().slice(0, 8)}`;
  return db().organization.create({ data: { name, slug, billingEmail: `billing@${slug}.test`, country: 'ID' } });
}

beforeAll(async () => {
  owner = await credentialsFor('super_admin');
  api = apiAs(owner.bearer);
});

describe('GET /organizations: search', () => {
  it('finds a case-insensitive part of the name, by name ignoring case, with what tells tenants apart', async () => {
    const zebra = await organization('Zebra Kopitiam');
    await organization('kopi Pagi Cerah');
    await organization('Toko KOPI Senja');
    await organization('Warung Teh Manis');

    const result = await page({ search: 'kOpI' });

    expect(names(result)).toEqual(['kopi Pagi Cerah', 'Toko KOPI Senja', 'Zebra Kopitiam']);
    expect(result.has_more).toBe(false);
    expect(result.next_cursor).toBeNull();
    expect(result.data[2]).toEqual({ id: zebra.id, name: 'Zebra Kopitiam', slug: zebra.slug, billing_email: zebra.billingEmail, country: 'ID', subscription: null });
  });

  it('matches % and _ as themselves, not as LIKE wildcards (and a backslash too)', async () => {
    await organization('Halal 100% Foods');
    await organization('Halal 1000 Foods');
    await organization('Kedai_Runcit');
    await organization('KedaiXRuncit');
    await organization('Back\\slash Studio');

    expect(names(await page({ search: 'Halal 100%' }))).toEqual(['Halal 100% Foods']);
    expect(names(await page({ search: 'kedai_' }))).toEqual(['Kedai_Runcit']);
    expect(names(await page({ search: 'k\\s' }))).toEqual(['Back\\slash Studio']);
    expect(names(await page({ search: '%%' }))).toEqual([]);
  });

  it('takes a UUID as an exact id, in any case; an unknown one finds nothing', async () => {
    const target = await organization('Looked Up By Id');
    expect((await page({ search: target.id.toUpperCase() })).data.map((found) => found.id)).toEqual([target.id]);
    expect((await page({ search: randomUUID() })).data).toEqual([]);
  });

  it('trims the search, and an empty one lists every organization', async () => {
    await organization('Trimmed Search Bakery');
    expect(names(await page({ search: '  trimmed search  ' }))).toEqual(['Trimmed Search Bakery']);
    const everything = await page({ search: '', limit: '50' });
    expect(everything.data.length).toBe(Math.min(50, await db().organization.count()));
  });
});

describe('GET /organizations: limit, has_more and keyset pages', () => {
  const TAG = 'Pagination Tenant';
  let expected: string[];

  beforeAll(async () => {
    // Equal names (any case) are ordered by id, so every page boundary is well defined.
    const created = [];
    for (const name of [`${TAG} Delta`, `${TAG} alpha`, `${TAG} Charlie`, `${TAG} ALPHA`, `${TAG} bravo`, `${TAG} Alpha`, `${TAG} echo`]) created.push(await organization(name));
    expected = created
      .sort((a, b) => (a.name.toLowerCase() === b.name.toLowerCase() ? (a.id < b.id ? -1 : 1) : a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
      .map((found) => found.id);
  });

  it('answers at most `limit`, says has_more and points next_cursor at the last one', async () => {
    const first = await page({ search: TAG, limit: '3' });
    expect(first.data.map((found) => found.id)).toEqual(expected.slice(0, 3));
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toBe(expected[2]);
    const all = await page({ search: TAG, limit: '7' });
    expect(all.data).toHaveLength(7);
    expect(all.has_more).toBe(false);
    expect(all.next_cursor).toBeNull();
  });

  it('walks every match exactly once along next_cursor, equal names included, stable under inserts', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: TOrganizationPage = await page({ search: TAG, limit: '2', ...(cursor ? { starting_after: cursor } : {}) });
      seen.push(...result.data.map((found) => found.id));
      cursor = result.next_cursor;
      // Sorted before every cursor: it must not shift later pages.
      if (pages++ === 1) await organization(`${TAG} Aardvark`);
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);
  });

  it('defaults to 20', async () => {
    for (let i = 0; i < 21; i++) await organization(`Default Limit ${String(i).padStart(2, '0')}`);
    const result = await page({ search: 'default limit' });
    expect(result.data).toHaveLength(20);
    expect(result.has_more).toBe(true);
  });
});

describe('GET /organizations: bad requests and credentials', () => {
  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '51' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ starting_after: 'not-a-uuid' }, 'starting_after'],
    [{ search: 'x'.repeat(201) }, 'search'],
    [{ q: 'kopi' }, 'q'],
  ])('%j is 400 naming the field', async (query, path) => {
    const result = await list(query);
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toBe('application/problem+json');
    expect(result.body.code).toBe('validation_failed');
    expect(result.body.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it('a cursor naming no organization is 400 invalid_cursor', async () => {
    const result = await list({ starting_after: randomUUID() });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('invalid_cursor');
  });

  it('a cursor after which nothing matches is an empty last page, not an error', async () => {
    const last = await organization('Zzz Tail Cursor Laundry');
    expect(await page({ search: 'Tail Cursor', starting_after: last.id })).toEqual({ data: [], has_more: false, next_cursor: null });
    expect(await page({ status: 'active', starting_after: last.id })).toEqual({ data: [], has_more: false, next_cursor: null });
  });

  it('no credentials is 401; an admin or support user, by key or session, is 403', async () => {
    expect((await callRoute(organizationsRoute, { path: PATH, query: { search: 'kopi' } })).status).toBe(401);
    for (const role of ['admin', 'support'] as const) {
      const credentials = await credentialsFor(role);
      for (const headers of [{ authorization: credentials.bearer }, { cookie: credentials.sessionCookie }] as Record<string, string>[]) {
        const result = await callRoute(organizationsRoute, { path: PATH, query: { search: 'kopi' }, headers });
        expect(result.status).toBe(403);
        expect(result.body.code).toBe('forbidden');
      }
    }
  });

  it('a super-admin\'s session cookie is enough (the console\'s picker sends only that)', async () => {
    const result = await callRoute(organizationsRoute, { path: PATH, query: { search: 'kopi' }, headers: { cookie: owner.sessionCookie } });
    expect(result.status).toBe(200);
  });
});

describe('findOrganizationSummary', () => {
  it('names one organization by id, in any case, the way the list does', async () => {
    const target = await organization('Named On The Invoices Page');
    const listed = (await page({ search: target.id })).data[0];
    expect(await findOrganizationSummary(target.id.toUpperCase())).toEqual(listed);
  });

  it('is null for an unknown id or one that is not a UUID', async () => {
    expect(await findOrganizationSummary(randomUUID())).toBeNull();
    expect(await findOrganizationSummary('not-a-uuid')).toBeNull();
  });
});
