import { db, type Db, type Tx } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseId } from '@/lib/http/parse';
import type { TPricedInvoice } from './compute-change';
import type { TSubscriptionRow } from './subscription-dto';
import {
  SUBSCRIPTION_ROW_JSONB, catalogColumnsSql, catalogFromColumns, subscriptionRowFromJson, type TCatalogColumns, type TCatalogPrefetch, type TCatalogRows,
} from './subscription-row-sql';

/** What an action needs besides the subscription, read in the same statement: catalog rows (a change's target plan and add-ons, an application's coupon), and: */
export interface TPrefetch extends TCatalogPrefetch {
  /** The invoice that priced the current period, with its lines (a change now credits its unused days). */
  pricedInvoice?: boolean;
}

export interface TLocked extends TCatalogRows {
  sub: TSubscriptionRow;
  /** Only when asked for (prefetch.pricedInvoice); null when the period has none. */
  pricedInvoice?: TPricedInvoice | null;
}

/**
 * Locks one subscription row for the rest of the caller's transaction (SELECT … FOR UPDATE) and
 * reads it with its relations: every action on a subscription runs behind this lock, so two
 * operators acting at once are serialised, and the second sees what the first wrote (then
 * preview_id answers 409).
 *
 * One statement in the usual case. Its relations (add-ons, the priced invoice) are read in the
 * statement's snapshot, taken before any wait for the lock; when another transaction changed the
 * row meanwhile, PostgreSQL hands over the row's newest version, whose xmin differs from the
 * version the snapshot saw, and the read is made again, now behind the lock, in a fresh snapshot.
 * Every writer of a subscription's add-ons or period invoice updates the subscription row in the
 * same transaction, so a matching xmin means the relations read are the committed ones.
 */
export async function lockSubscriptionWith(tx: Tx, rawId: string, prefetch: TPrefetch = {}): Promise<TLocked> {
  return readSubscriptionWith(tx, rawId, prefetch, true);
}

/** The same read without the lock (a preview: what a change would do, written nowhere). */
export async function readSubscriptionWith(tx: Tx | Db, rawId: string, prefetch: TPrefetch, lock = false): Promise<TLocked> {
  return (await readVersion(tx, rawId, prefetch, lock)).read;
}

/** What `act` returns when the row moved between its read and its write (nothing was written): it is called again. */
export const MOVED: unique symbol = Symbol('subscription moved');

/**
 * An action on one subscription without a transaction or a lock held across round trips: the
 * subscription is read (with `prefetch`) in one statement, unlocked; `act` decides from what it
 * read — a refusal throws, and nothing was written — and writes in ONE statement guarded by
 * `version`, the row's xmin as read (updateSubscriptionAt: `UPDATE … WHERE xmin = version`, and
 * every other write of the statement only with it). When another transaction changed the row in
 * between, the UPDATE (after waiting for that transaction, as a lock would) finds a newer version
 * and writes nothing; `act` answers MOVED and runs again from a fresh read. So the action is
 * decided from the row it writes, as behind lockSubscriptionWith, in 2 statements instead of 4
 * (BEGIN, lock and read, write, COMMIT). Its relations are read in the same snapshot, and every
 * writer of a subscription's add-ons or period invoice updates its row in the same transaction.
 */
export async function actOnSubscription<T>(rawId: string, prefetch: TPrefetch, act: (read: TLocked, version: string) => Promise<T | typeof MOVED>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const { read, version } = await readVersion(db(), rawId, prefetch, false);
    const result = await act(read, version);
    if (result !== MOVED) return result;
    // Each round loses only to a write that committed: under contention, some action always progresses.
    if (attempt >= MAX_ROUNDS) throw conflict('subscription_busy', 'The subscription is being changed by other requests; retry.');
  }
}

const MAX_ROUNDS = 20;

async function readVersion(tx: Tx | Db, rawId: string, prefetch: TPrefetch, lock: boolean): Promise<{ read: TLocked; version: string }> {
  const id = parseId(rawId, 'subscription');
  const statement = readSql(id, prefetch, lock);
  for (let attempt = 0; ; attempt++) {
    const [row] = await tx.$queryRaw<TLockRow[]>(statement);
    if (!row) throw notFound('subscription');
    if (row.locked_version === row.seen_version || attempt > 0) return { read: fromLockRow(row, prefetch), version: row.locked_version };
  }
}

interface TLockRow extends TCatalogColumns {
  subscription: unknown;
  locked_version: string;
  seen_version: string | null;
  priced: { periodStart: string; couponId: string | null; lines: { kind: TPricedInvoice['lines'][number]['kind']; amount: string }[] } | null;
}

function readSql(id: string, prefetch: TPrefetch, lock: boolean): Prisma.Sql {
  // changeNow's invoice: the newest not void subscription or proration invoice ending with the period.
  const priced = prefetch.pricedInvoice
    ? Prisma.sql`(SELECT jsonb_build_object('periodStart', i.period_start, 'couponId', i.coupon_id,
          'lines', (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', l.kind, 'amount', l.amount::text) ORDER BY l.position), '[]'::jsonb) FROM invoice_lines l WHERE l.invoice_id = i.id))
        FROM invoices i
       WHERE i.subscription_id = s.id AND i.period_end = s.current_period_end AND i.status <> 'void' AND i.kind IN ('subscription', 'proration')
       ORDER BY i.period_start DESC, i.created_at DESC LIMIT 1)`
    : Prisma.sql`NULL::jsonb`;
  return Prisma.sql`
    SELECT ${SUBSCRIPTION_ROW_JSONB} AS subscription, s.xmin::text AS locked_version,
           (SELECT seen.xmin::text FROM subscriptions seen WHERE seen.id = s.id) AS seen_version,
           ${catalogColumnsSql(prefetch)}, ${priced} AS priced
      FROM subscriptions s
     WHERE s.id = ${id}::uuid
       ${lock ? Prisma.sql`FOR UPDATE OF s` : Prisma.empty}`;
}

function fromLockRow(row: TLockRow, prefetch: TPrefetch): TLocked {
  const priced = row.priced
    ? { periodStart: new Date(row.priced.periodStart), couponId: row.priced.couponId, lines: row.priced.lines.map((line) => ({ kind: line.kind, amount: new Prisma.Decimal(line.amount) })) }
    : null;
  return {
    sub: subscriptionRowFromJson(row.subscription),
    ...catalogFromColumns(row),
    ...(prefetch.pricedInvoice ? { pricedInvoice: priced } : {}),
  };
}
