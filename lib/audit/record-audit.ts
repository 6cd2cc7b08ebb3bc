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
  await tx.$executeRaw`${auditEntriesSql(actor, [input])}`;
}

/**
 * recordAudit for many entries in one statement (the billing run audits every invoice of a batch):
 * same columns and values, same transaction rule.
 */
export async function recordAudits(tx: Tx, actor: TActor | 'system', inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`${auditEntriesSql(actor, inputs)}`;
}

/**
 * The INSERT of recordAudits as SQL, for a statement that writes its own change too (a CTE of
 * insertInvoices: the entries commit with it, or not at all). Its text is the same for any number
 * of entries (the values are arrays), so it is prepared once.
 */
export function auditEntriesSql(actor: TActor | 'system', inputs: readonly AuditInput[]): Prisma.Sql {
  const columns = auditActorColumns(actor);
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  return Prisma.sql`
    INSERT INTO audit_log (id, actor_type, actor_user_id, actor_api_key_id, actor_label, action, entity_type, entity_id, before, after, request_id)
    SELECT gen_random_uuid(), ${columns.actorType}::"ActorType", ${columns.actorUserId}::uuid, ${columns.actorApiKeyId}::uuid, ${columns.actorLabel}::text,
           v.action, v.entity_type, v.entity_id, v.before, v.after, v.request_id
      FROM unnest(${inputs.map((i) => i.action)}::text[], ${inputs.map((i) => i.entityType)}::text[], ${inputs.map((i) => i.entityId)}::text[],
                  ${inputs.map((i) => json(i.before))}::jsonb[], ${inputs.map((i) => json(i.after))}::jsonb[], ${inputs.map((i) => i.requestId ?? null)}::text[])
           AS v(action, entity_type, entity_id, before, after, request_id)`;
}

/** The actor columns of an audit entry (for statements that write audit rows themselves, like insertInvoices and auditInsertSql). */
export function auditActorColumns(actor: TActor | 'system') {
  return actor === 'system' ? SYSTEM_COLUMNS : actorColumns(actor);
}

// Work nobody asked for in a request (scheduled invoicing, the seed) is the system's.
const SYSTEM_COLUMNS = { actorType: 'system' as const, actorUserId: null, actorApiKeyId: null, actorLabel: SYSTEM_ACTOR_LABEL };
