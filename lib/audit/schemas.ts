import { z } from 'zod';
import { DATE_BOUND_FORMS, ZDateBound, dateBoundEnd, dateBoundStart } from '@/lib/billing/invoices/schemas';
import { AUDIT_ENTITY_TYPES } from './audit-entity-types';

export { AUDIT_ENTITY_TYPES };
export const ZAuditEntityType = z.enum(AUDIT_ENTITY_TYPES, { error: `Use one of ${AUDIT_ENTITY_TYPES.join(', ')}.` });
export type TAuditEntityType = z.infer<typeof ZAuditEntityType>;

export const ACTOR_TYPES = ['user', 'api_key', 'system'] as const;

const LIMIT_MESSAGE = 'Must be a whole number from 1 to 100.';

/**
 * GET /audit-log filters. `actor` is an exact user or API key id when it is a UUID, else a
 * case-insensitive part of the actor's label (an email or a key name). `from`/`to` bound
 * `created_at` as GET /invoices bounds `issued_at`. Keyset pages as in SPEC §3.2a.
 */
export const ZAuditListQuery = z
  .strictObject({
    actor: z.string().trim().max(255, 'At most 255 characters.').optional().meta({ description: "A user or API key id (exact), or part of the actor's email or key name, any case. Default: every actor." }),
    entity_type: ZAuditEntityType.optional().meta({ description: 'Only entries about this kind of record. Default: every kind.' }),
    // Any 8-4-4-4-12 hex id: entity ids are written by many operations, not all as RFC 9562 v4.
    entity_id: z.guid({ error: 'Must be an id (UUID).' }).optional().meta({ description: 'Only entries about this record. Default: every record.' }),
    action: z
      .string()
      .trim()
      .max(64, 'At most 64 characters.')
      .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'An action like plan.updated.')
      .optional()
      .meta({ description: 'Only this action, e.g. `plan.updated`. Default: every action.' }),
    from: ZDateBound.optional().meta({ description: `Recorded at or after this (inclusive). ${DATE_BOUND_FORMS} Default: no lower bound.` }),
    to: ZDateBound.optional().meta({ description: `Recorded up to this: a date includes that whole day (UTC); a timestamp is exclusive. ${DATE_BOUND_FORMS} Default: no upper bound.` }),
    limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, 'At least 1.').max(100, 'At most 100.').default(25).meta({ description: 'Entries per page, 1–100. Default: 25.' }),
    starting_after: z.uuid({ error: 'Must be an audit entry id from a previous page (next_cursor).' }).optional().meta({ description: "The previous page's `next_cursor`: the page after that entry. Default: the first page." }),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && dateBoundStart(query.from) >= dateBoundEnd(query.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be on or after `from`.' });
    }
  });

/** An entity as the API showed it at the time; null when there was none (before a creation). */
const ZAuditState = z.record(z.string(), z.unknown()).nullable();

export const ZAuditEntry = z.strictObject({
  id: z.uuid(),
  actor_type: z.enum(ACTOR_TYPES),
  /** The user's or the API key's id (by actor_type); null for the system. */
  actor_id: z.uuid().nullable(),
  /** Who it was at the time: an email or a key name, kept if the actor changes later. */
  actor_label: z.string(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  before: ZAuditState,
  after: ZAuditState,
  request_id: z.string().nullable(),
  created_at: z.iso.datetime(),
});

export const ZAuditPage = z.strictObject({ data: z.array(ZAuditEntry), has_more: z.boolean(), next_cursor: z.uuid().nullable() });

export type TAuditListQuery = z.output<typeof ZAuditListQuery>;
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export type TAuditPage = z.infer<typeof ZAuditPage>;
