import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { customerHub } from '@/tests/integration/customer-hub';

let hub: Awaited<ReturnType<typeof customerHub>>;

beforeAll(async () => {
  hub = await customerHub();
});

/** `count` organizations, each with a live Starter subscription (written directly: the setup is not what is tested). */
async function subscriptions(count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const now = new Date();
  const end = new Date(now.getTime() + 30 * 86_400_000);
  const organizations = Array.from({ length: count }, (_, n) => ({ id: randomUUID(), name: `Race ${tag} ${n}`, slug: `race-${tag}-${n}`, billingEmail: `b@race-${tag}-${n}.test`, country: 'ID' }));
  await db().organization.createMany({ data: organizations });
  const rows = organizations.map((organization) => ({
    id: randomUUID(), organizationId: organization.id, planId: hub.starter.id, billingCycle: 'monthly' as const, currency: 'IDR', agentCount: 2,
    startedAt: now, currentPeriodStart: now, currentPeriodEnd: end,
  }));
  await db().subscription.createMany({ data: rows });
  return rows.map((row) => row.id);
}

describe('concurrency', () => {
  it('200 parallel applications of a coupon with max_uses 150 to 200 subscriptions: exactly 150 succeed, current_uses = 150 = holders', async () => {
    const coupon = await hub.makeCoupon({ maxUses: 150 });
    const ids = await subscriptions(200);
    const results = await Promise.all(ids.map((id) => hub.applyCoupon(id, coupon.code)));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200), JSON.stringify(results.filter((result) => result.status !== 200 && result.status !== 409).slice(0, 3))).toHaveLength(150);
    expect(results.filter((result) => result.status === 409).map((result) => result.body.reason)).toEqual(Array(50).fill('exhausted'));
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(150);
    expect(await db().subscription.count({ where: { couponId: coupon.id } })).toBe(150);
    expect(await db().couponRedemption.count({ where: { couponId: coupon.id } })).toBe(150);
  }, 120_000);

  it('the same organization applying one coupon from 20 parallel requests: exactly one succeeds', async () => {
    const coupon = await hub.makeCoupon({ maxUses: 100 });
    const [id] = await subscriptions(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => hub.applyCoupon(id!, coupon.code)));
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    for (const result of results.filter((result) => result.status !== 200)) {
      expect(result.status).toBe(409);
      expect(['coupon_already_applied', 'coupon_already_redeemed']).toContain(result.body.code);
    }
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(1);
    expect(await db().couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
  }, 60_000);

  it('20 parallel creates for one organization: exactly one subscription, one invoice', async () => {
    const organization = await hub.createOrganization();
    const results = await Promise.all(Array.from({ length: 20 }, () => hub.subscribe({ organization_id: organization, plan_id: hub.starter.id, billing_cycle: 'monthly', agent_count: 1 })));
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    expect(results.filter((result) => result.status === 409).every((result) => result.body.code === 'subscription_exists')).toBe(true);
    expect(await db().subscription.count({ where: { organizationId: organization } })).toBe(1);
    expect(await db().invoice.count({ where: { organizationId: organization } })).toBe(1);
  }, 60_000);

  it('two operators changing one subscription at once from the same preview: one 200, one 409, one invoice', async () => {
    const sub = await hub.subscribed();
    const seen = (await hub.preview(sub.id, { agent_count: 6 })).body;
    const other = (await hub.preview(sub.id, { agent_count: 5 })).body;
    const [a, b] = await Promise.all([
      hub.change(sub.id, { agent_count: 6, preview_id: seen.preview_id }),
      hub.change(sub.id, { agent_count: 5, preview_id: other.preview_id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((result) => result.status === 409)!.body.code).toBe('subscription_changed');
    const winner = [a, b].find((result) => result.status === 200)!.body;
    const stored = await db().subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(stored.agentCount).toBe(winner.subscription.agent_count);
    const invoices = await db().invoice.findMany({ where: { subscriptionId: sub.id }, orderBy: { createdAt: 'asc' } });
    expect(invoices.map((invoice) => invoice.kind)).toEqual(['subscription', 'proration']);
    expect(invoices[1]!.id).toBe(winner.invoice_id);
  }, 60_000);
});
