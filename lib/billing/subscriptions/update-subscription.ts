import { auditInsertSql, jsonbValue } from '@/lib/audit/audit-insert-sql';
import type { AuditInput } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { db, type Db, type Tx } from '@/lib/db';
import { answerInTransactionSql } from '@/lib/http/idempotency';
import { Prisma, type Addon, type Coupon, type Plan, type Subscription } from '@/lib/generated/prisma/client';
import { subscriptionToDto, type TSubscriptionRow } from './subscription-dto';
import { SUBSCRIPTION_COLUMNS } from './subscription-row-sql';

/** The columns an action on a subscription writes; `updatedAt` always. */
export type TSubscriptionPatch = Partial<Pick<Subscription,
  'planId' | 'status' | 'billingCycle' | 'agentCount' | 'couponId' | 'couponCyclesUsed' | 'billingAnchor' | 'currentPeriodStart' |
  'currentPeriodEnd' | 'cancelledAt' | 'cancelAtPeriodEnd' | 'cancelReason' | 'pendingChange'>> & { updatedAt: Date };

/** The relations a patch moves: the plan when planId changes, the coupon when couponId names one, the add-ons when they are replaced. */
export interface TRelations {
  plan?: Plan;
  coupon?: Coupon | null;
  addons?: readonly { addon: Addon; quantity: number }[];
}

/** The SQL type of each column a patch writes (its column name: SUBSCRIPTION_COLUMNS). */
const SQL_TYPES: { readonly [K in keyof Required<TSubscriptionPatch>]: string } = {
  planId: 'uuid', status: '"SubscriptionStatus"', billingCycle: '"BillingCycle"', agentCount: 'int', couponId: 'uuid', couponCyclesUsed: 'int',
  billingAnchor: 'timestamptz', currentPeriodStart: 'timestamptz', currentPeriodEnd: 'timestamptz', cancelledAt: 'timestamptz',
  cancelAtPeriodEnd: 'boolean', cancelReason: 'text', pendingChange: 'jsonb', updatedAt: 'timestamptz',
};

/**
 * Writes `patch` to a subscription the caller has locked in its transaction (lockSubscriptionWith),
 * and answers the row as it now is, put together from `before`, the patch and the
 * relations it moves: no read-back. With `audit`, its entry is written by the same statement (an
 * `after` of the new row's DTO, plus `auditAfter`), so the change and its entry are one round trip;
 * with `answer` too, the request's answer is stored for its Idempotency-Key by that statement as
 * well (answerInTransactionSql): the caller then answers exactly `answer(row)`, with status 200.
 */
export async function updateSubscription(
  tx: Tx,
  before: TSubscriptionRow,
  requested: TSubscriptionPatch,
  relations: TRelations = {},
  audit?: TAuditOf,
): Promise<TSubscriptionRow> {
  const { after, update } = await subscriptionUpdate(tx, before, requested, relations);
  if (!audit) {
    await tx.$executeRaw(update);
    return after;
  }
  await tx.$executeRaw(auditedUpdateSql(before, after, update, audit));
  return after;
}

/**
 * updateSubscription without a transaction, for an action that read the subscription unlocked
 * (actOnSubscription): ONE statement whose UPDATE holds only while the row is still the `version`
 * read, with the audit entry and the request's answer written only with it. Null when the row
 * moved meanwhile: nothing was written, and the action decides again from a fresh read.
 */
export async function updateSubscriptionAt(
  guard: TVersionGuard,
  before: TSubscriptionRow,
  requested: TSubscriptionPatch,
  relations: Omit<TRelations, 'addons'>,
  audit: TAuditOf,
): Promise<TSubscriptionRow | null> {
  const { after, update } = await subscriptionUpdate(db(), before, requested, relations, guard);
  const statement = auditedUpdateSql(before, after, update, audit, Prisma.sql`EXISTS (SELECT 1 FROM updated)`, guard.first?.ctes);
  const written = await db().$executeRaw(statement);
  return written > 0 ? after : null;
}

/** What guards an update made outside a transaction (actOnSubscription). */
export interface TVersionGuard {
  /** The row's xmin as read: the UPDATE writes only while the row is still that version. */
  version: string;
  /**
   * Writes the statement makes before the UPDATE (CTEs: `a AS (…), b AS (…)`), and a condition on
   * them without which the UPDATE — and so everything after it — writes nothing (a coupon's use
   * counted only when it applies: apply-coupon.ts).
   */
  first?: { ctes: Prisma.Sql; onlyIf: Prisma.Sql };
}

interface TAuditOf {
  actor: TActor;
  entry: Omit<AuditInput, 'after' | 'entityType' | 'entityId'>;
  auditAfter?: Record<string, unknown>;
  answer?: (after: TSubscriptionRow) => unknown;
}

/** The update with its audit entry (one per updated row) and the request's answer, as one statement. */
function auditedUpdateSql(before: TSubscriptionRow, after: TSubscriptionRow, update: Prisma.Sql, audit: TAuditOf, answerOnlyIf?: Prisma.Sql, first?: Prisma.Sql): Prisma.Sql {
  const entry = {
    ...audit.entry, entityType: 'subscription', entityId: before.id,
    before: jsonbValue(audit.entry.before), after: jsonbValue({ ...subscriptionToDto(after), ...audit.auditAfter }),
  };
  const answered = audit.answer ? answerInTransactionSql(audit.answer(after), 200, answerOnlyIf) : null;
  return Prisma.sql`WITH ${first ? Prisma.sql`${first}, ` : Prisma.empty}updated AS (${update})${answered ? Prisma.sql`, answered AS (${answered})` : Prisma.empty} ${auditInsertSql(audit.actor, entry, Prisma.sql`updated`)}`;
}

/**
 * updateSubscription's UPDATE as SQL, for a caller that runs it inside a statement of its own (a
 * change now: a CTE of insertInvoices), and the row it leaves. Replaced add-ons are written here,
 * first (all stamped `updatedAt`, as a new set): add-ons that stay as they are cost nothing.
 */
export async function subscriptionUpdate(
  tx: Tx | Db,
  before: TSubscriptionRow,
  requested: TSubscriptionPatch,
  relations: TRelations = {},
  /** Outside a transaction (actOnSubscription): the UPDATE writes only while the row is still the version read, and only with `first`'s condition. */
  guard?: TVersionGuard,
): Promise<{ after: TSubscriptionRow; update: Prisma.Sql }> {
  // A field left undefined is not written (as in a Prisma update), rather than written NULL.
  const patch = Object.fromEntries(Object.entries(requested).filter(([, value]) => value !== undefined)) as TSubscriptionPatch;
  const after = patchedRow(before, patch, relations);
  if (relations.addons) {
    // Separate statements: only inside the caller's transaction, behind the row lock.
    if (guard !== undefined) throw new Error('subscriptionUpdate: add-ons are replaced only behind the row lock');
    await tx.$executeRaw`DELETE FROM subscription_addons WHERE subscription_id = ${before.id}::uuid`;
    if (after.addons.length) {
      await tx.$executeRaw`INSERT INTO subscription_addons (subscription_id, addon_id, quantity, created_at)
        SELECT ${before.id}::uuid, unnest(${after.addons.map((item) => item.addonId)}::uuid[]), unnest(${after.addons.map((item) => item.quantity)}::int[]), ${patch.updatedAt}::timestamptz`;
    }
  }
  const sets = Prisma.join(
    (Object.keys(patch) as (keyof TSubscriptionPatch)[]).map((field) => {
      const [column] = SUBSCRIPTION_COLUMNS[field];
      const type = SQL_TYPES[field];
      const value = field === 'pendingChange' ? (patch.pendingChange === null ? null : JSON.stringify(patch.pendingChange)) : patch[field];
      return Prisma.sql`${Prisma.raw(column)} = ${value}::${Prisma.raw(type)}`;
    }),
  );
  const unmoved = guard === undefined
    ? Prisma.empty
    : Prisma.sql`AND xmin = ${guard.version}::xid ${guard.first ? Prisma.sql`AND ${guard.first.onlyIf}` : Prisma.empty}`;
  return { after, update: Prisma.sql`UPDATE subscriptions SET ${sets} WHERE id = ${before.id}::uuid ${unmoved} RETURNING id` };
}

/** The row after the patch, with the relations it names (an inconsistent call is a bug: it throws). */
function patchedRow(before: TSubscriptionRow, patch: TSubscriptionPatch, relations: TRelations): TSubscriptionRow {
  const row = { ...before, ...patch };
  const plan = relations.plan ?? before.plan;
  const coupon = relations.coupon !== undefined ? relations.coupon : before.coupon;
  if (plan.id !== row.planId || (coupon?.id ?? null) !== row.couponId) throw new Error(`updateSubscription: the relations do not match the patch of subscription ${before.id}`);
  const addons = relations.addons
    ? relations.addons.map(({ addon, quantity }) => ({ subscriptionId: before.id, addonId: addon.id, quantity, createdAt: patch.updatedAt, addon }))
      .sort((a, b) => (a.addonId < b.addonId ? -1 : 1)) // SUBSCRIPTION_INCLUDE's order: created_at, then add-on id
    : before.addons;
  return { ...row, plan, coupon, addons };
}
