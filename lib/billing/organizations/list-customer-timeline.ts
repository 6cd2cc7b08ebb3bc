import { auditEntryToDto } from '@/lib/audit/audit-entry-dto';
import type { TAuditEntry } from '@/lib/audit/schemas';
import { db } from '@/lib/db';

/**
 * The customer's own audit timeline, newest first: the organization, its subscriptions, and the
 * invoices issued to it (at most `limit` entries).
 */
export async function listCustomerTimeline(organizationId: string, limit = 30): Promise<TAuditEntry[]> {
  const [subscriptions, invoices] = await Promise.all([
    db().subscription.findMany({ where: { organizationId }, select: { id: true } }),
    db().invoice.findMany({ where: { organizationId }, select: { id: true }, orderBy: { createdAt: 'desc' }, take: 200 }),
  ]);
  const ids = [organizationId, ...subscriptions.map((row) => row.id), ...invoices.map((row) => row.id)];
  const entries = await db().auditLogEntry.findMany({ where: { entityId: { in: ids } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return entries.map(auditEntryToDto);
}
