import { db } from '@/lib/db';
import { escapeLike } from '@/lib/db/escape-like';
import { badRequest } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { isUuid } from '@/lib/http/parse';
import type { TOrganizationPage, TOrganizationSearchQuery, TOrganizationSummary } from './schemas';

/** `id` null: the one row beside a cursor whose page is empty. */
type Row = Omit<TOrganizationSummary, 'subscription' | 'id'> & { id: string | null;
  sub_id: string | null; plan_id: string; plan_name: string; status: 'active' | 'past_due' | 'cancelled'; billing_cycle: 'monthly' | 'annual';
  cancel_at_period_end: boolean; has_pending_change: boolean; coupon_code: string | null;
};

/**
 * Organizations whose name contains `search` (any case), or the one whose id it is, by name as
 * people read it (lower(name), then id), keyset-paginated on that pair, each with its current
 * subscription (the live one, else the latest), which the filters read. Every organization, with
 * or without invoices: a tenant the picker cannot find looks like a missing tenant.
 *
 * Raw SQL because Prisma can neither order by lower(name) nor compare row values, and both are
 * what lets the (lower(name), id) index walk in order and start a page at its cursor.
 */
export async function searchOrganizations(query: TOrganizationSearchQuery): Promise<TOrganizationPage> {
  const rows = await db().$queryRaw<Row[]>(organizationSearchSql(query));
  // With a cursor the page comes beside the cursor's row (one round trip): no row at all means no such organization.
  if (query.starting_after && rows.length === 0) {
    throw badRequest('invalid_cursor', 'starting_after names no organization; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown organization id.' }]);
  }
  const found = rows.filter((row): row is Row & { id: string } => row.id !== null);
  const page = found.slice(0, query.limit).map(toSummary);
  const hasMore = found.length > query.limit;
  return { data: page, has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The statement behind a page (the bench EXPLAINs this very one). With `starting_after`, the page
 * is a LATERAL beside that organization's row: one row of NULLs when the page is empty, no row
 * when the organization does not exist.
 */
export function organizationSearchSql(query: TOrganizationSearchQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const search = query.search ?? '';
  // A UUID is an id, exact (the primary key serves it); nobody names a tenant after one.
  if (isUuid(search)) conditions.push(Prisma.sql`o.id = ${search.toLowerCase()}::uuid`);
  else if (search) conditions.push(Prisma.sql`lower(o.name) LIKE '%' || lower(${escapeLike(search)}) || '%'`);
  // The filters judge the current subscription (the live one, else the latest), whose id, plan,
  // status and coupon the organization row carries (current_*, kept by triggers on subscriptions:
  // lib/billing/organizations/current-subscription.ts): each filter is a range of an index in
  // this query's order, not a search among each organization's subscriptions.
  if (query.plan_id) conditions.push(Prisma.sql`o.current_plan_id = ${query.plan_id.toLowerCase()}::uuid`);
  if (query.status === 'none') conditions.push(Prisma.sql`o.current_status IS NULL`);
  else if (query.status) conditions.push(Prisma.sql`o.current_status = ${query.status}::"SubscriptionStatus"`);
  if (query.coupon_id) conditions.push(Prisma.sql`o.current_coupon_id = ${query.coupon_id.toLowerCase()}::uuid`);
  // false: a current subscription without a coupon (an organization without one has no coupon to lack).
  if (query.has_coupon === 'true') conditions.push(Prisma.sql`o.current_coupon_id IS NOT NULL`);
  if (query.has_coupon === 'false') conditions.push(Prisma.sql`o.current_status IS NOT NULL AND o.current_coupon_id IS NULL`);

  if (query.starting_after) conditions.push(Prisma.sql`(lower(o.name), o.id) > (k.name, k.id)`);

  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const page = Prisma.sql`
    SELECT o.id, o.name, o.slug, o.billing_email, o.country,
           s.id AS sub_id, s.plan_id, p.name AS plan_name, s.status::text AS status, s.billing_cycle::text AS billing_cycle,
           s.cancel_at_period_end, s.pending_change IS NOT NULL AS has_pending_change, c.code AS coupon_code
      FROM organizations o
      LEFT JOIN subscriptions s ON s.id = o.current_subscription_id
      LEFT JOIN plans p ON p.id = s.plan_id
      LEFT JOIN coupons c ON c.id = s.coupon_id
      ${where}
     ORDER BY lower(o.name), o.id
     LIMIT ${query.limit + 1}`;
  if (!query.starting_after) return page;
  return Prisma.sql`
    SELECT page.* FROM (SELECT lower(name) AS name, id FROM organizations WHERE id = ${query.starting_after.toLowerCase()}::uuid) k
      LEFT JOIN LATERAL (${page}) page ON true
     ORDER BY lower(page.name), page.id`;
}

function toSummary(row: Row & { id: string }): TOrganizationSummary {
  return {
    id: row.id, name: row.name, slug: row.slug, billing_email: row.billing_email, country: row.country,
    subscription: row.sub_id
      ? { id: row.sub_id, plan_id: row.plan_id, plan_name: row.plan_name, status: row.status, billing_cycle: row.billing_cycle, cancel_at_period_end: row.cancel_at_period_end, has_pending_change: row.has_pending_change, coupon_code: row.coupon_code }
      : null,
  };
}
