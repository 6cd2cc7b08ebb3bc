import type { TActor } from '@/lib/auth/actor';
import { SYSTEM_ACTOR_LABEL, actorColumns } from '@/lib/auth/actor';
import type { Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/**
 * Writes one audit entry inside the caller's transaction (STYLE rule 6): the entry commits with the
 * change it describes, or neither does. `before`/`after` are the API representations.
 */
export async function recordAudit(tx: Tx, actor: TActor | 'system', input: AuditInput): Promise<void> {
  // Raw SQL, not the model's create: the same row, without the query engine's work for a model
  // write (this runs in nearly every write request).
  await tx.$executeRaw`${auditInsertSql(actor, input)}`;
}

/**
 * recordAudit for many entries in one statement (the billing run audits every invoice of a batch):
 * same columns and values, same transaction rule.
 */
export async function recordAudits(tx: Tx, actor: TActor | 'system', inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const columns = auditActorColumns(actor);
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO audit_log (id, actor_type, actor_user_id, actor_api_key_id, actor_label, action, entity_type, entity_id, before, after, request_id)
    SELECT gen_random_uuid(), ${columns.actorType}::"ActorType", ${columns.actorUserId}::uuid, ${columns.actorApiKeyId}::uuid, ${columns.actorLabel}::text,
           v.action, v.entity_type, v.entity_id, v.before, v.after, v.request_id
      FROM unnest(${inputs.map((i) => i.action)}::text[], ${inputs.map((i) => i.entityType)}::text[], ${inputs.map((i) => i.entityId)}::text[],
                  ${inputs.map((i) => json(i.before))}::jsonb[], ${inputs.map((i) => json(i.after))}::jsonb[], ${inputs.map((i) => i.requestId ?? null)}::text[])
           AS v(action, entity_type, entity_id, before, after, request_id)`;
}

/**
 * recordAudit as SQL: the INSERT of one entry, for a statement that writes a change and the entry
 * describing it together (a CTE of one statement: both commit, or neither), one round trip instead
 * of a transaction's four (BEGIN, the change, the entry, COMMIT).
 */
export function auditInsertSql(actor: TActor | 'system', input: AuditInput): Prisma.Sql {
  const columns = auditActorColumns(actor);
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  return Prisma.sql`
    INSERT INTO audit_log (id, actor_type, actor_user_id, actor_api_key_id, actor_label, action, entity_type, entity_id, before, after, request_id)
    VALUES (gen_random_uuid(), ${columns.actorType}::"ActorType", ${columns.actorUserId}::uuid, ${columns.actorApiKeyId}::uuid, ${columns.actorLabel}::text,
            ${input.action}::text, ${input.entityType}::text, ${input.entityId}::text, ${json(input.before)}::jsonb, ${json(input.after)}::jsonb, ${input.requestId ?? null}::text)`;
}

/** The actor columns of an audit entry (for statements that write audit rows themselves, like insertInvoices). */
export function auditActorColumns(actor: TActor | 'system') {
  return actor === 'system' ? SYSTEM_COLUMNS : actorColumns(actor);
}

// Work nobody asked for in a request (scheduled invoicing, the seed) is the system's.
const SYSTEM_COLUMNS = { actorType: 'system' as const, actorUserId: null, actorApiKeyId: null, actorLabel: SYSTEM_ACTOR_LABEL };
