import { now } from '@/lib/clock';
import { db, type Tx } from '@/lib/db';
import { badRequest, conflict, type FieldError } from '@/lib/errors';
import { FUTURE_TOLERANCE_MS, type TUsageEvent, type TUsageEventResult, type TUsageResult } from './schemas';

/**
 * Records usage events (POST /usage, SPEC §11), all or nothing for a bad request:
 *
 * - 400 when any event names an unknown organization or is stamped more than 5 minutes ahead of
 *   now(); `errors[].path` says which (`events.3.organization_id`, or `organization_id` for one event).
 * - An event whose (organization, event_id) is already stored is a `duplicate`: counted once, and
 *   a resend is answered the same whichever period it fell in. The UNIQUE index does it
 *   (INSERT … ON CONFLICT DO NOTHING), so ten copies of a batch sent at once count it once.
 * - An event before the organization's closed mark (its subscription's usage_billed_until: the
 *   period or month already invoiced; every period of a subscription that has ended) is `refused`
 *   with `period_closed`. The subscriptions are read FOR SHARE, so a billing run that is closing
 *   the period (FOR UPDATE) either finished first — the event is refused — or waits for this
 *   insert and then bills it: usage is never accepted into an invoice already issued.
 * - An organization without any subscription: its events are kept (nothing to bill yet).
 */
export async function recordUsage(events: readonly TUsageEvent[], options: { batch: boolean }): Promise<TUsageResult> {
  const at = now();
  const pathOf = (index: number, field: string) => (options.batch ? `events.${index}.${field}` : field);
  const errors: FieldError[] = [];
  events.forEach((event, index) => {
    if (Date.parse(event.occurred_at) > at.getTime() + FUTURE_TOLERANCE_MS) errors.push({ path: pathOf(index, 'occurred_at'), message: 'More than 5 minutes in the future.' });
  });
  const organizationIds = [...new Set(events.map((event) => event.organization_id.toLowerCase()))];

  return db().$transaction(async (tx) => {
    const known = new Set((await tx.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true } })).map((org) => org.id));
    events.forEach((event, index) => {
      if (!known.has(event.organization_id.toLowerCase())) errors.push({ path: pathOf(index, 'organization_id'), message: 'No organization has this id.' });
    });
    if (errors.length > 0) {
      errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
      throw badRequest('validation_failed', `${errors[0]!.path}: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, errors);
    }
    const closedBefore = await lockClosedMarks(tx, organizationIds);

    const results: TUsageEventResult[] = [];
    const firstSeen = new Map<string, number>();
    const open: { index: number; event: TUsageEvent }[] = [];
    const closed: { index: number; event: TUsageEvent }[] = [];
    events.forEach((event, index) => {
      const organizationId = event.organization_id.toLowerCase();
      results.push({ index, organization_id: organizationId, event_id: event.event_id, status: 'duplicate', code: null });
      const key = `${organizationId}\u0000${event.event_id}`;
      if (firstSeen.has(key)) return; // the same event twice in one call: the first one counts
      firstSeen.set(key, index);
      const mark = closedBefore.get(organizationId);
      (mark !== undefined && new Date(event.occurred_at) < mark ? closed : open).push({ index, event });
    });

    const inserted = await insertEvents(tx, open.map(({ event }) => event), at);
    for (const { index, event } of open) if (inserted.has(`${event.organization_id.toLowerCase()}\u0000${event.event_id}`)) results[index]!.status = 'accepted';
    const stored = await existingEvents(tx, closed.map(({ event }) => event));
    for (const { index, event } of closed) {
      if (stored.has(`${event.organization_id.toLowerCase()}\u0000${event.event_id}`)) continue;
      results[index]!.status = 'refused';
      results[index]!.code = 'period_closed';
    }
    const count = (status: TUsageEventResult['status']) => results.filter((result) => result.status === status).length;
    const answer = { accepted: count('accepted'), duplicates: count('duplicate'), refused: count('refused'), events: results };
    if (!options.batch && answer.refused === 1) {
      throw conflict('period_closed', 'This usage falls in a period that is already invoiced.', { events: results });
    }
    return answer;
  });
}

/** Per organization, the instant before which its usage is closed (+∞ when its only subscriptions have ended). */
async function lockClosedMarks(tx: Tx, organizationIds: string[]): Promise<Map<string, Date>> {
  const rows = await tx.$queryRaw<{ organization_id: string; status: string; closed_before: Date }[]>`
    SELECT organization_id, status::text, COALESCE(usage_billed_until, current_period_start) AS closed_before
      FROM subscriptions WHERE organization_id = ANY(${organizationIds}::uuid[])
     ORDER BY id FOR SHARE`;
  const marks = new Map<string, Date>();
  const ended = new Set<string>();
  for (const row of rows) {
    if (row.status === 'cancelled') ended.add(row.organization_id);
    else marks.set(row.organization_id, row.closed_before);
  }
  // An organization whose subscriptions have all ended has every period closed.
  for (const organizationId of ended) if (!marks.has(organizationId)) marks.set(organizationId, new Date(8.64e15));
  return marks;
}

async function insertEvents(tx: Tx, events: TUsageEvent[], at: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // One order for every caller: two batches with the same events wait for each other, never deadlock.
  const sorted = [...events].sort((a, b) => (a.organization_id.toLowerCase() + a.event_id < b.organization_id.toLowerCase() + b.event_id ? -1 : 1));
  const rows = await tx.$queryRaw<{ organization_id: string; event_id: string }[]>`
    INSERT INTO usage_events (organization_id, event_id, messages, occurred_at, received_at)
    SELECT * FROM unnest(${sorted.map((e) => e.organization_id.toLowerCase())}::uuid[], ${sorted.map((e) => e.event_id)}::text[],
                         ${sorted.map((e) => e.messages)}::int[], ${sorted.map((e) => new Date(e.occurred_at).toISOString())}::timestamptz[],
                         array_fill(${at}::timestamptz, ARRAY[${sorted.length}::int]))
    ON CONFLICT (organization_id, event_id) DO NOTHING
    RETURNING organization_id, event_id`;
  return new Set(rows.map((row) => `${row.organization_id}\u0000${row.event_id}`));
}

async function existingEvents(tx: Tx, events: TUsageEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ organization_id: string; event_id: string }[]>`
    SELECT u.organization_id, u.event_id FROM usage_events u
      JOIN unnest(${events.map((e) => e.organization_id.toLowerCase())}::uuid[], ${events.map((e) => e.event_id)}::text[]) AS k(organization_id, event_id)
        ON u.organization_id = k.organization_id AND u.event_id = k.event_id`;
  return new Set(rows.map((row) => `${row.organization_id}\u0000${row.event_id}`));
}
