import { z } from 'zod';
import { MIN_INSTANT_MESSAGE, isStorableInstant } from '@/lib/billing/shared/schemas';

export const MAX_USAGE_BATCH = 1_000;
/** How far ahead of the server's clock an event may be stamped (clock skew), SPEC §11. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** One usage event from the messaging platform. `event_id` is the sender's, unique per organization. */
export const ZUsageEvent = z.strictObject({
  organization_id: z.uuid({ error: 'Must be an organization id (UUID).' }),
  messages: z.number({ error: 'Must be a whole number of messages.' }).int('Must be a whole number of messages.').min(0, 'Must not be negative.').max(2_147_483_647, 'Too many messages for one event.'),
  occurred_at: z.iso
    .datetime({ offset: true, error: 'Must be an ISO 8601 timestamp, e.g. 2026-12-03T10:00:00Z.' })
    .refine(isStorableInstant, { error: MIN_INSTANT_MESSAGE }),
  event_id: z.string({ error: 'Required: the sender\'s id of the event.' }).trim().min(1, 'Must not be empty.').max(255, 'At most 255 characters.'),
});

export const ZUsageBatch = z.strictObject({
  events: z.array(ZUsageEvent).min(1, 'At least one event.').max(MAX_USAGE_BATCH, `At most ${MAX_USAGE_BATCH} events per call.`),
});

/** POST /usage: one event, or `{ events: [...] }` (documented as either; the route picks by the `events` key). */
export const ZUsageInput = z.union([ZUsageEvent, ZUsageBatch]);

export const USAGE_EVENT_STATUSES = ['accepted', 'duplicate', 'refused'] as const;

export const ZUsageEventResult = z.strictObject({
  /** Position in `events` (0 for a single event). */
  index: z.number().int().min(0),
  organization_id: z.uuid(),
  event_id: z.string(),
  /** accepted: counted now; duplicate: this event_id was already counted (nothing changed); refused: see `code`. */
  status: z.enum(USAGE_EVENT_STATUSES),
  /** Why it was refused: `period_closed` (409: its period is already invoiced). Null otherwise. */
  code: z.string().nullable(),
});

export const ZUsageResult = z.strictObject({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  refused: z.number().int().min(0),
  events: z.array(ZUsageEventResult),
});

export type TUsageEvent = z.infer<typeof ZUsageEvent>;
export type TUsageResult = z.infer<typeof ZUsageResult>;
export type TUsageEventResult = z.infer<typeof ZUsageEventResult>;
