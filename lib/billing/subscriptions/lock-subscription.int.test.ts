import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { customerHub } from '@/tests/integration/customer-hub';
import type { Tx } from '@/lib/db';
import { actOnSubscription, lockSubscriptionWith, MOVED } from './lock-subscription';
import { SUBSCRIPTION_INCLUDE } from './subscription-dto';
import { updateSubscription } from './update-subscription';

let hub: Awaited<ReturnType<typeof customerHub>>;

/** The locked subscription alone (what the transaction path of a change reads). */
const lockSubscription = async (tx: Tx, id: string) => (await lockSubscriptionWith(tx, id)).sub;

beforeAll(async () => {
  hub = await customerHub();
});

/** Resolves once `count` statements wait for a row lock (pg_locks: not granted). */
async function waitersAtLeast(count: number): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')`;
    if (row!.n >= count) return;
    await sleep(25);
  }
  throw new Error('no statement came to wait for the lock');
}

describe('lockSubscription', () => {
  it('reads the row Prisma reads: every column, Decimal amounts, dates, the plan, the coupon and the add-ons in order', async () => {
    const coupon = await hub.makeCoupon({ percent: 15, duration: 'repeating', cycles: 3 });
    const sub = await hub.subscribed({ agent_count: 4, coupon_code: coupon.code, addons: [{ addon_id: hub.whatsapp.id, quantity: 2 }, { addon_id: hub.ai.id }] });
    const expected = await db().subscription.findUniqueOrThrow({ where: { id: sub.id }, include: SUBSCRIPTION_INCLUDE });
    const locked = await db().$transaction((tx) => lockSubscription(tx, sub.id));
    expect(locked).toEqual(expected);
    expect(locked.plan.basePriceMonthly.toFixed(4)).toBe('310000.0000');
    expect(locked.coupon!.discountValue.toString()).toBe('15');
    expect(locked.addons.map((item) => item.addonId)).toEqual(expected.addons.map((item) => item.addonId));
  });

  it('prefetches the named catalog rows, the coupon by code and the priced invoice in the same statement', async () => {
    const coupon = await hub.makeCoupon();
    const sub = await hub.subscribed();
    const locked = await db().$transaction((tx) => lockSubscriptionWith(tx, sub.id, { planId: hub.growth.id, addonIds: [hub.ai.id], couponCode: coupon.code.toLowerCase(), pricedInvoice: true }));
    expect(locked.plans.map((plan) => plan.id)).toEqual([hub.growth.id]);
    expect(locked.addons).toEqual([await db().addon.findUniqueOrThrow({ where: { id: hub.ai.id } })]);
    expect(locked.coupon).toEqual(await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } }));
    const invoice = await db().invoice.findFirstOrThrow({ where: { subscriptionId: sub.id }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(locked.pricedInvoice).toEqual({ periodStart: invoice.periodStart, couponId: null, lines: invoice.lines.map((line) => ({ kind: line.kind, amount: line.amount })) });
    const none = await db().$transaction((tx) => lockSubscriptionWith(tx, sub.id, { couponCode: 'NO-SUCH-CODE' }));
    expect(none.coupon).toBeNull();
    expect(none.pricedInvoice).toBeUndefined();
  });

  it('a lock that waited for another writer answers what that writer committed, add-ons included (read again behind the lock)', async () => {
    const sub = await hub.subscribed({ addons: [{ addon_id: hub.whatsapp.id, quantity: 1 }] });
    const ai = await db().addon.findUniqueOrThrow({ where: { id: hub.ai.id } });
    let second: Promise<Awaited<ReturnType<typeof lockSubscription>>> | undefined;
    await db().$transaction(async (tx) => {
      const first = await lockSubscription(tx, sub.id);
      // The second lock starts now (its snapshot: one add-on, WhatsApp) and waits for this transaction.
      second = db().$transaction((other) => lockSubscription(other, sub.id));
      await waitersAtLeast(1);
      await updateSubscription(tx, first, { agentCount: 6, updatedAt: new Date() }, { addons: [{ addon: ai, quantity: 1 }] });
    });
    const seen = await second!;
    expect(seen.agentCount).toBe(6);
    expect(seen.addons.map((item) => item.addonId)).toEqual([hub.ai.id]);
    expect(seen).toEqual(await db().subscription.findUniqueOrThrow({ where: { id: sub.id }, include: SUBSCRIPTION_INCLUDE }));
  });

  it('an unknown subscription is 404', async () => {
    await expect(db().$transaction((tx) => lockSubscription(tx, '00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ status: 404 });
  });
});

describe('actOnSubscription: read, then one statement guarded by the version read', () => {
  it('a cancellation whose row moved meanwhile writes nothing, then decides and answers from the row as committed', async () => {
    const sub = await hub.subscribed({ agent_count: 2 });
    let cancelled: ReturnType<typeof hub.cancel> | undefined;
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE subscriptions SET agent_count = 6 WHERE id = ${sub.id}::uuid`;
      // Reads agent_count 2 (this transaction has not committed), then its UPDATE waits for it.
      cancelled = hub.cancel(sub.id, { at: 'period_end', reason: 'Moved meanwhile' });
      await waitersAtLeast(1);
    });
    const answer = await cancelled!;
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ agent_count: 6, cancel_at_period_end: true });
    const entries = await db().auditLogEntry.findMany({ where: { entityId: sub.id, action: 'subscription.cancel_scheduled' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.before).toMatchObject({ agent_count: 6, cancel_at_period_end: false });
    expect(entries[0]!.after).toMatchObject({ agent_count: 6, cancel_at_period_end: true });
  });

  it('a change now whose row moved meanwhile issues nothing for the stale row: one invoice, priced from the committed one', async () => {
    const sub = await hub.subscribed({ agent_count: 2 });
    let changed: ReturnType<typeof hub.change> | undefined;
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE subscriptions SET agent_count = 4 WHERE id = ${sub.id}::uuid`;
      changed = hub.change(sub.id, { agent_count: 6 });
      await waitersAtLeast(1);
    });
    const answer = await changed!;
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.subscription.agent_count).toBe(6);
    const prorations = await db().invoice.findMany({ where: { subscriptionId: sub.id, kind: 'proration' } });
    expect(prorations.map((invoice) => invoice.id)).toEqual([answer.body.invoice_id]);
    const entries = await db().auditLogEntry.findMany({ where: { entityId: sub.id, action: 'subscription.changed' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.before).toMatchObject({ agent_count: 4 });
    const issued = await db().auditLogEntry.count({ where: { entityId: answer.body.invoice_id, action: 'invoice.issued' } });
    expect(issued).toBe(1);
  });

  it('a coupon application whose row moved meanwhile counts nothing for the stale row: one use, one redemption, decided from the committed row', async () => {
    const coupon = await hub.makeCoupon({ maxUses: 5 });
    const sub = await hub.subscribed({ agent_count: 2 });
    let applied: ReturnType<typeof hub.applyCoupon> | undefined;
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE subscriptions SET agent_count = 6 WHERE id = ${sub.id}::uuid`;
      applied = hub.applyCoupon(sub.id, coupon.code);
      await waitersAtLeast(1);
    });
    const answer = await applied!;
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ agent_count: 6, coupon: { coupon_id: coupon.id } });
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(1);
    expect(await db().couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
    const entries = await db().auditLogEntry.findMany({ where: { entityId: sub.id, action: 'subscription.coupon_applied' } });
    expect(entries.map((entry) => (entry.before as { agent_count: number }).agent_count)).toEqual([6]);
  });

  it('an action whose row keeps moving gives up after 20 fresh reads: 409 subscription_busy, never a loop', async () => {
    const sub = await hub.subscribed();
    let rounds = 0;
    await expect(actOnSubscription(sub.id, {}, async () => {
      rounds++;
      return MOVED;
    })).rejects.toMatchObject({ status: 409, code: 'subscription_busy' });
    expect(rounds).toBe(20);
  });

  it('twenty parallel cancellations and reactivations of one subscription: the 200s alternate, each one audit entry', async () => {
    const sub = await hub.subscribed();
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? hub.cancel(sub.id, { at: 'period_end', reason: `Race ${n}` }) : hub.reactivate(sub.id))));
    for (const result of results) expect([200, 409]).toContain(result.status);
    const count = (action: string) => db().auditLogEntry.count({ where: { entityId: sub.id, action } });
    const [cancels, reactivations] = [await count('subscription.cancel_scheduled'), await count('subscription.reactivated')];
    expect(cancels + reactivations).toBe(results.filter((result) => result.status === 200).length);
    // From not cancelling, each success flips the flag: a write decided from a row that had moved
    // (two cancellations both seeing "not cancelling") would break the alternation.
    expect(cancels - reactivations).toBeGreaterThanOrEqual(0);
    expect(cancels - reactivations).toBeLessThanOrEqual(1);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).cancelAtPeriodEnd).toBe(cancels - reactivations === 1);
  });
});
