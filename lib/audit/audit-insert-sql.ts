import type { TActor } from '@/lib/auth/actor';
import { auditActorColumns } from './record-audit';
import { Prisma } from '@/lib/generated/prisma/client';

export interface AuditSqlInput {
  action: string;
  entityType: string;
  entityId: string;
  /** jsonb expressions: `jsonbValue(…)` for values known in code, or built from `from`'s rows. */
  before: Prisma.Sql;
  after: Prisma.Sql;
  requestId?: string;
}

/**
 * recordAudit's entry as an `INSERT … SELECT … FROM <from>`, for an operation that makes its
 * writes in one statement (a data-modifying CTE): one entry per row of `from`, so none when the
 * change did not happen, and it commits with the change or not at all (STYLE rule 6), without a
 * round trip of its own. Same columns and values as recordAudit: `before`/`after` are the API
 * representations (amounts as JSON numbers: `moneyJsonb`).
 */
export function auditInsertSql(actor: TActor | 'system', input: AuditSqlInput, from: Prisma.Sql): Prisma.Sql {
  const columns = auditActorColumns(actor);
  return Prisma.sql`INSERT INTO audit_log (id, actor_type, actor_user_id, actor_api_key_id, actor_label, action, entity_type, entity_id, before, after, request_id)
    SELECT gen_random_uuid(), ${columns.actorType}::"ActorType", ${columns.actorUserId}::uuid, ${columns.actorApiKeyId}::uuid, ${columns.actorLabel}::text,
      ${input.action}::text, ${input.entityType}::text, ${input.entityId}::text, ${input.before}, ${input.after}, ${input.requestId ?? null}::text
    FROM ${from}`;
}

/** A value known in code as a jsonb parameter (what recordAudit stores for it). */
export function jsonbValue(value: unknown): Prisma.Sql {
  return Prisma.sql`${JSON.stringify(value)}::jsonb`;
}

/**
 * A numeric column as the JSON number the API writes for it (moneyToJson): numeric(18,4) keeps
 * its scale in jsonb (1000.0000), trim_scale drops the trailing zeros (1000), still exact.
 */
export function moneyJsonb(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_jsonb(trim_scale(${column}))`;
}
