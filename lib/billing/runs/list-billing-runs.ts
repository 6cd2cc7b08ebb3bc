import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import { billingRunToDto } from './billing-run-dto';
import type { TBillingRunListQuery, TBillingRunPage } from './schemas';

/** Newest first, keyset on (started_at, id) like the audit log: a page never repeats or skips a run. */
export async function listBillingRuns(query: TBillingRunListQuery): Promise<TBillingRunPage> {
  const filters = [];
  if (query.starting_after) {
    const cursor = await db().billingRun.findUnique({ where: { id: query.starting_after }, select: { id: true, startedAt: true } });
    if (!cursor) throw badRequest('invalid_cursor', 'starting_after names no billing run; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown billing run id.' }]);
    filters.push({ startedAt: { lte: cursor.startedAt } }, { OR: [{ startedAt: { lt: cursor.startedAt } }, { id: { lt: cursor.id } }] });
  }
  const rows = await db().billingRun.findMany({ where: { AND: filters }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page.map(billingRunToDto), has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
