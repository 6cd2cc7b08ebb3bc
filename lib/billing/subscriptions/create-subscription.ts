import { randomUUID } from 'node:crypto';
import type { TActor } from '@/lib/auth/actor';
import { draftSubscriptionInvoice } from '@/lib/billing/invoices/draft-subscription-invoice';
import { insertInvoices } from '@/lib/billing/invoices/insert-invoices';
import { cyclesSpentBy } from '@/lib/billing/invoices/invoice-coupon';
import { claimRedemption, countCouponUse } from '@/lib/billing/coupons/redeem-coupon';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { conflict, validationFailed } from '@/lib/errors';
import { answerInTransactionSql } from '@/lib/http/idempotency';
import { nthPeriod } from '../periods/billing-period';
import { unknownCoupon } from './apply-coupon';
import { resolveItems } from './resolve-items';
import type { TCreateSubscriptionInput, TSubscription } from './schemas';
import { subscriptionToDto, type TSubscriptionRow } from './subscription-dto';
import { catalogColumnsSql, catalogFromColumns, type TCatalogColumns } from './subscription-row-sql';

/**
 * POST /subscriptions (SPEC §10): the plan active, add-ons active, at least one agent; the first
 * period starts now and its invoice is issued at once, with the coupon (its use counted) when one
 * is given — all in one transaction, whose last statements take the contended rows (the coupon's,
 * then the month's invoice-number counter) so that concurrent sign-ups wait on them only briefly. At most one subscription per organization is not cancelled:
 * the partial UNIQUE index subscriptions_one_live_per_organization decides between concurrent
 * creates (409 subscription_exists).
 */
export async function createSubscription(input: TCreateSubscriptionInput, actor: TActor, requestId?: string): Promise<TSubscription> {
  try {
    // The organization, its live subscription if any, and the catalog rows the body names: one
    // read. No transaction around it: what follows is judged on it and written in one statement
    // (in one transaction with a coupon); a concurrent create for the organization meets the
    // one-live unique index there (409), whatever this read saw.
    const [found] = await db().$queryRaw<({ id: string; live_id: string | null } & TCatalogColumns)[]>`
      SELECT o.id::text AS id, (SELECT s.id::text FROM subscriptions s WHERE s.organization_id = o.id AND s.status <> 'cancelled' LIMIT 1) AS live_id,
             ${catalogColumnsSql({ planId: input.plan_id, addonIds: input.addons?.map((item) => item.addon_id) ?? [], ...(input.coupon_code ? { couponCode: input.coupon_code } : {}) })}
        FROM organizations o WHERE o.id = ${input.organization_id.toLowerCase()}::uuid`;
    if (!found) throw validationFailed([{ path: 'organization_id', message: 'No organization has this id.' }]);
    if (found.live_id) throw subscriptionExists(found.live_id);
    const catalog = catalogFromColumns(found);
    const items = await resolveItems(db(), { planId: input.plan_id, billingCycle: input.billing_cycle, agentCount: input.agent_count, addons: input.addons ?? [] }, undefined, catalog);
    if (input.coupon_code && !catalog.coupon) throw unknownCoupon(input.coupon_code);
    const coupon = catalog.coupon;

    const at = now();
    const period = nthPeriod(at, items.billingCycle, 0);
    // Nobody else sees these rows before they are written: the row with its relations is put
    // together from what was just resolved, not read back.
    const id = randomUUID();
    const row: TSubscriptionRow = {
      id, organizationId: found.id, planId: items.plan.id, status: 'active', billingCycle: items.billingCycle, currency: items.plan.currency,
      agentCount: items.agentCount, couponId: coupon?.id ?? null, couponCyclesUsed: 0, startedAt: at, billingAnchor: null,
      currentPeriodStart: period.start, currentPeriodEnd: period.end, cancelledAt: null, usageBilledUntil: null, cancelAtPeriodEnd: false,
      cancelReason: null, pendingChange: null, createdAt: at, updatedAt: at, plan: items.plan, coupon,
      // In SUBSCRIPTION_INCLUDE's order (created_at, then add-on id), as a read would answer them.
      addons: items.addons.map(({ addon, quantity }) => ({ subscriptionId: id, addonId: addon.id, quantity, createdAt: at, addon })).sort((x, y) => (x.addonId < y.addonId ? -1 : 1)),
    };
    // The first invoice, priced from what was just resolved (the same rows readSubscriptionPrices
    // would read back); a discounted one spends the coupon's first cycle (cyclesSpentBy).
    const { draft } = draftSubscriptionInvoice(row, { plan: items.plan, addons: items.addons, coupon }, { periodStart: period.start, periodEnd: period.end, messagesUsed: 0, issuedAt: at });
    const created = { ...row, couponCyclesUsed: cyclesSpentBy(draft.computed.discountTotal) };
    const subscription = subscriptionToDto(created);
    const audit = { action: 'subscription.created', entityType: 'subscription', entityId: id, requestId, after: subscription };
    const writes = subscriptionInserts(created);
    // The request's answer, stored for its Idempotency-Key with the rest (answerInTransactionSql).
    const answered = answerInTransactionSql(subscription, 201);
    if (!coupon) {
      // ONE statement (its own transaction): the subscription, its add-ons, its first invoice with
      // its number, lines and audit entries (insertInvoices, the writes as CTEs). A new
      // subscription's period cannot have been invoiced, so no invoice is ever skipped here.
      await insertInvoices(db(), [draft], actor, [audit], answered ? [...writes, answered] : writes);
      return subscription;
    }
    // With a coupon, one transaction: redeemed once per organization (the redemption's unique
    // index), its use counted under every rule of couponApplies (countCouponUse), or nothing at
    // all. The contended rows last, each for as short as possible: the coupon's, then the month's
    // invoice-number counter (insertInvoices: one statement), then the commit.
    return await db().$transaction(async (tx) => {
      await runAsOneStatement(tx, writes);
      const use = { couponId: coupon.id, planId: items.plan.id, currency: row.currency, at, organizationId: row.organizationId, subscriptionId: id };
      await claimRedemption(tx, use, coupon);
      await countCouponUse(tx, use);
      await insertInvoices(tx, [draft], actor, [audit], answered ? [answered] : []);
      return subscription;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw subscriptionExists(null);
    throw error;
  }
}

function subscriptionExists(id: string | null) {
  return conflict('subscription_exists', 'This organization already has a subscription that is not cancelled: change it instead.', { subscription_id: id });
}

/** The new subscription and its add-ons, as data-modifying statements with RETURNING (CTEs of one statement: insertInvoices' `writes`). */
function subscriptionInserts(row: TSubscriptionRow): Prisma.Sql[] {
  const subscription = Prisma.sql`
    INSERT INTO subscriptions (id, organization_id, plan_id, status, billing_cycle, currency, agent_count, coupon_id, coupon_cycles_used,
                               started_at, current_period_start, current_period_end, created_at, updated_at)
    VALUES (${row.id}::uuid, ${row.organizationId}::uuid, ${row.planId}::uuid, 'active', ${row.billingCycle}::"BillingCycle", ${row.currency}, ${row.agentCount}::int,
            ${row.couponId}::uuid, ${row.couponCyclesUsed}::int, ${row.startedAt}::timestamptz, ${row.currentPeriodStart}::timestamptz, ${row.currentPeriodEnd}::timestamptz,
            ${row.createdAt}::timestamptz, ${row.updatedAt}::timestamptz)
    RETURNING id`;
  if (row.addons.length === 0) return [subscription];
  return [subscription, Prisma.sql`
    INSERT INTO subscription_addons (subscription_id, addon_id, quantity, created_at)
    SELECT ${row.id}::uuid, item.addon_id, item.quantity, ${row.createdAt}::timestamptz
      FROM unnest(${row.addons.map((item) => item.addonId)}::uuid[], ${row.addons.map((item) => item.quantity)}::int[]) AS item(addon_id, quantity)
    RETURNING addon_id`];
}

/** Data-modifying statements run as one: the last one, the others as CTEs before it. */
async function runAsOneStatement(tx: Tx, writes: readonly Prisma.Sql[]): Promise<void> {
  const ctes = writes.slice(0, -1).map((write, index) => Prisma.sql`${Prisma.raw(`write_${index}`)} AS (${write})`);
  await tx.$executeRaw`${ctes.length ? Prisma.sql`WITH ${Prisma.join(ctes)} ` : Prisma.empty}${writes.at(-1)!}`;
}
