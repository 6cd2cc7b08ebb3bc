import { db } from '@/lib/db';
import { escapeLike } from '@/lib/db/escape-like';
import { badRequest } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { isUuid } from '@/lib/http/parse';
import type { TOrganizationPage, TOrganizationSearchQuery, TOrganizationSummary } from './schemas';

/**
 * Organizations whose name contains `search` (any case), or the one whose id it is, by name as
 * people read it (lower(name), then id), keyset-paginated on that pair. Every organization, with
 * or without invoices: a tenant the picker cannot find looks like a missing tenant, while one
 * with an empty invoice table answers the operator's question.
 *
 * Raw SQL because Prisma can neither order by lower(name) nor compare row values, and both are
 * what lets the (lower(name), id) index walk in order and start a page at its cursor.
 */
export async function searchOrganizations(query: TOrganizationSearchQuery): Promise<TOrganizationPage> {
  const conditions: Prisma.Sql[] = [];
  const search = query.search ?? '';
  // A UUID is an id, exact (the primary key serves it); nobody names a tenant after one.
  if (isUuid(search)) conditions.push(Prisma.sql`id = ${search.toLowerCase()}::uuid`);
  else if (search) conditions.push(Prisma.sql`lower(name) LIKE '%' || lower(${escapeLike(search)}) || '%'`);

  if (query.starting_after) {
    const cursor = await db().organization.findUnique({ where: { id: query.starting_after }, select: { id: true, name: true } });
    if (!cursor) throw badRequest('invalid_cursor', 'starting_after names no organization; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown organization id.' }]);
    conditions.push(Prisma.sql`(lower(name), id) > (lower(${cursor.name}), ${cursor.id}::uuid)`);
  }

  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await db().$queryRaw<TOrganizationSummary[]>`
    SELECT id, name, slug, billing_email, country
      FROM organizations ${where}
     ORDER BY lower(name), id
     LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page, has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
