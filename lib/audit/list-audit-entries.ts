import { dateBoundEnd, dateBoundStart } from '@/lib/billing/invoices/schemas';
import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isUuid } from '@/lib/http/parse';
import { auditEntryToDto } from './audit-entry-dto';
import type { TAuditListQuery, TAuditPage } from './schemas';
import { escapeLike } from '@/lib/db/escape-like';

/**
 * Newest first, keyset-paginated on (created_at, id) like listInvoices (SPEC §3.2a), which the
 * (created_at desc, id desc) index serves: a page after a cursor never repeats or skips an entry
 * however many changes are audited meanwhile.
 */
export async function listAuditEntries(query: TAuditListQuery): Promise<TAuditPage> {
  const filters = auditFilters(query);

  if (query.starting_after) {
    const cursor = await db().auditLogEntry.findUnique({ where: { id: query.starting_after }, select: { id: true, createdAt: true } });
    if (!cursor) throw badRequest('invalid_cursor', 'starting_after names no audit entry; use next_cursor from the previous page.', [{ path: 'starting_after', message: 'Unknown audit entry id.' }]);
    // (created_at, id) < cursor, spelled with a plain range on created_at first: the index then
    // starts at the cursor instead of filtering every newer entry (an OR alone scans from the top).
    filters.push({ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] });
  }

  const rows = await db().auditLogEntry.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { data: page.map(auditEntryToDto), has_more: hasMore, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

function auditFilters(query: TAuditListQuery): Prisma.AuditLogEntryWhereInput[] {
  const filters: Prisma.AuditLogEntryWhereInput[] = [];
  if (query.actor) {
    // An id is exact (the actor indexes serve it); anything else searches the label kept at the time.
    filters.push(
      isUuid(query.actor)
        ? { OR: [{ actorUserId: query.actor }, { actorApiKeyId: query.actor }] }
        : { actorLabel: { contains: escapeLike(query.actor), mode: 'insensitive' } },
    );
  }
  if (query.entity_type) filters.push({ entityType: query.entity_type });
  if (query.entity_id) filters.push({ entityId: query.entity_id.toLowerCase() });
  if (query.action) filters.push({ action: query.action });
  if (query.from) filters.push({ createdAt: { gte: dateBoundStart(query.from) } });
  if (query.to) filters.push({ createdAt: { lt: dateBoundEnd(query.to) } });
  return filters;
}

