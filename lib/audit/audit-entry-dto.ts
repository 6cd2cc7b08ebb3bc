import type { AuditLogEntry } from '@/lib/generated/prisma/client';
import type { TAuditEntry } from './schemas';

type TAuditState = TAuditEntry['before'];

/** An audit row as the API shows it; before/after are stored already as API representations. */
export function auditEntryToDto(entry: AuditLogEntry): TAuditEntry {
  return {
    id: entry.id,
    actor_type: entry.actorType,
    actor_id: entry.actorUserId ?? entry.actorApiKeyId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: (entry.before ?? null) as TAuditState,
    after: (entry.after ?? null) as TAuditState,
    request_id: entry.requestId,
    created_at: entry.createdAt.toISOString(),
  };
}
