import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v1/admin/billing/organizations/route';
import { createRunSubscription } from '@/lib/billing/runs/billing-run-fixtures';
import { runBilling } from '@/lib/billing/runs/run-billing';
import { db } from '@/lib/db';
import { customerHub } from '@/tests/integration/customer-hub';
import { COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL } from './current-subscription';
import { ZOrganizationPage } from './schemas';

// organizations.current_subscription_id / current_plan_id / current_status / current_coupon_id are
// kept by triggers on subscriptions (migration …_organization_current_subscription): after every
// kind of write that can move them, in this file's own database, each organization's columns are
// its current subscription's (the live one, else the latest), and GET /organizations filters by them.

let hub: Awaited<ReturnType<typeof customerHub>>;
beforeAll(async () => {
  hub = await customerHub();
});

const d = (iso: string) => new Date(iso);
const staleOrganizations = async () => Number((await db().$queryRawUnsafe<{ count: bigint }[]>(COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL))[0]?.count);
const columns = (id: string) =>
  db().organization.findUniqueOrThrow({ where: { id }, select: { currentSubscriptionId: true, currentPlanId: true, currentStatus: true, currentCouponId: true } });
const listed = async (query: Record<string, string>) =>
  ZOrganizationPage.parse((await hub.api(collection.GET, { query: { limit: '50', ...query } })).body).data.map((organization) => organization.id);

describe('organizations.current_* follow every write of a subscription', () => {
  it('a billing run ending a subscription at its period end (the run\'s batched UPDATE)', async () => {
    const ending = await createRunSubscription({ startedAt: d('2037-01-01T00:00:00Z') });
    const renewing = await createRunSubscription({ startedAt: d('2037-01-01T00:00:00Z') });
    expect(await columns(ending.organizationId)).toEqual({ currentSubscriptionId: ending.id, currentPlanId: ending.planId, currentStatus: 'active', currentCouponId: null });
    await db().subscription.update({ where: { id: ending.id }, data: { cancelAtPeriodEnd: true, cancelReason: 'Closing down' } });

    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2037-02-01T00:00:00Z') });

    expect(run).toMatchObject({ renewed: 1, ended: 1, failed: 0 });
    expect(await columns(ending.organizationId)).toMatchObject({ currentSubscriptionId: ending.id, currentStatus: 'cancelled' });
    expect(await columns(renewing.organizationId)).toMatchObject({ currentSubscriptionId: renewing.id, currentStatus: 'active' });
    expect(await listed({ status: 'cancelled', search: ending.organizationId })).toEqual([ending.organizationId]);
    expect(await listed({ status: 'active', search: ending.organizationId })).toEqual([]);
    // The other tests' subscriptions are due at other times: out of later runs' way (a bulk UPDATE, itself kept).
    await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
    expect(await columns(renewing.organizationId)).toMatchObject({ currentSubscriptionId: renewing.id, currentStatus: 'cancelled' });
    expect(await staleOrganizations()).toBe(0);
  });

  it('create, upgrade, scheduled downgrade, coupon apply and remove, cancel at period end, reactivate, cancel now, subscribe again', async () => {
    const organizationId = await hub.createOrganization();
    expect(await columns(organizationId)).toEqual({ currentSubscriptionId: null, currentPlanId: null, currentStatus: null, currentCouponId: null });
    expect(await listed({ status: 'none', search: organizationId })).toEqual([organizationId]);

    const created = await hub.subscribe({ organization_id: organizationId, plan_id: hub.starter.id, billing_cycle: 'monthly', agent_count: 2 });
    expect(created.status, created.text).toBe(201);
    const first = created.body.id as string;
    expect(await columns(organizationId)).toEqual({ currentSubscriptionId: first, currentPlanId: hub.starter.id, currentStatus: 'active', currentCouponId: null });
    expect(await listed({ status: 'none', search: organizationId })).toEqual([]);
    expect(await listed({ plan_id: hub.starter.id, has_coupon: 'false', search: organizationId })).toEqual([organizationId]);

    expect((await hub.change(first, { plan_id: hub.growth.id })).status).toBe(200); // an upgrade: now
    expect(await columns(organizationId)).toMatchObject({ currentSubscriptionId: first, currentPlanId: hub.growth.id });
    expect(await listed({ plan_id: hub.growth.id, search: organizationId })).toEqual([organizationId]);
    expect(await listed({ plan_id: hub.starter.id, search: organizationId })).toEqual([]);

    expect((await hub.change(first, { plan_id: hub.starter.id })).status).toBe(200); // a downgrade: at the period end
    expect(await columns(organizationId)).toMatchObject({ currentPlanId: hub.growth.id }); // not yet
    expect((await hub.cancelChange(first)).status).toBe(200);

    const coupon = await hub.makeCoupon();
    expect((await hub.applyCoupon(first, coupon.code)).status).toBe(200);
    expect(await columns(organizationId)).toMatchObject({ currentCouponId: coupon.id });
    expect(await listed({ coupon_id: coupon.id })).toEqual([organizationId]);
    expect(await listed({ has_coupon: 'true', search: organizationId })).toEqual([organizationId]);
    expect((await hub.removeCoupon(first)).status).toBe(200);
    expect(await columns(organizationId)).toMatchObject({ currentCouponId: null });
    expect(await listed({ has_coupon: 'true', search: organizationId })).toEqual([]);

    expect((await hub.cancel(first, { at: 'period_end', reason: 'Budget review' })).status).toBe(200);
    expect(await columns(organizationId)).toMatchObject({ currentSubscriptionId: first, currentStatus: 'active' });
    expect((await hub.reactivate(first)).status).toBe(200);
    expect((await hub.cancel(first, { at: 'now', reason: 'Closing the account' })).status).toBe(200);
    expect(await columns(organizationId)).toEqual({ currentSubscriptionId: first, currentPlanId: hub.growth.id, currentStatus: 'cancelled', currentCouponId: null });
    expect(await listed({ status: 'cancelled', search: organizationId })).toEqual([organizationId]);

    const again = await hub.subscribe({ organization_id: organizationId, plan_id: hub.starter.id, billing_cycle: 'annual', agent_count: 3, coupon_code: (await hub.makeCoupon()).code });
    expect(again.status, again.text).toBe(201);
    expect(await columns(organizationId)).toMatchObject({ currentSubscriptionId: again.body.id, currentPlanId: hub.starter.id, currentStatus: 'active', currentCouponId: expect.any(String) });
    const [row] = ZOrganizationPage.parse((await hub.api(collection.GET, { query: { search: organizationId } })).body).data;
    expect(row?.subscription).toMatchObject({ id: again.body.id, plan_name: 'Starter', status: 'active', billing_cycle: 'annual' });
    expect(await staleOrganizations()).toBe(0);
  });

  it('the live subscription wins over a newer cancelled one; else the latest; a deleted one gives way to the next', async () => {
    const organizationId = await hub.createOrganization();
    const insert = (status: 'active' | 'cancelled', createdAt: string) =>
      db().subscription.create({
        data: {
          organizationId, planId: hub.starter.id, status, billingCycle: 'monthly', currency: 'IDR', agentCount: 2, startedAt: d(createdAt),
          currentPeriodStart: d(createdAt), currentPeriodEnd: d('2040-01-01T00:00:00Z'), cancelledAt: status === 'cancelled' ? d(createdAt) : null, createdAt: d(createdAt),
        },
      });
    const older = await insert('cancelled', '2030-01-01T00:00:00Z');
    const newer = await insert('cancelled', '2030-06-01T00:00:00Z');
    expect((await columns(organizationId)).currentSubscriptionId).toBe(newer.id);
    const live = await insert('active', '2029-01-01T00:00:00Z');
    const newest = await insert('cancelled', '2031-01-01T00:00:00Z');
    expect((await columns(organizationId)).currentSubscriptionId).toBe(live.id); // live beats the newest cancelled
    expect(newest.id).not.toBe(live.id);
    await db().subscription.update({ where: { id: live.id }, data: { status: 'cancelled', cancelledAt: d('2031-02-01T00:00:00Z') } });
    expect((await columns(organizationId)).currentSubscriptionId).toBe(newest.id);
    await db().subscription.delete({ where: { id: newest.id } });
    expect((await columns(organizationId)).currentSubscriptionId).toBe(newer.id);
    await db().subscription.deleteMany({ where: { organizationId } });
    expect(await columns(organizationId)).toEqual({ currentSubscriptionId: null, currentPlanId: null, currentStatus: null, currentCouponId: null });
    expect(older.id).not.toBe(newer.id);
    expect(await staleOrganizations()).toBe(0);
  });

  it('in parallel: 20 subscribe requests for one organization (one wins) and 30 organizations cancelled and subscribed again at once', async () => {
    const contested = await hub.createOrganization();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () => hub.subscribe({ organization_id: contested, plan_id: hub.growth.id, billing_cycle: 'monthly', agent_count: 5 })),
    );
    const won = attempts.filter((result) => result.status === 201);
    expect(won).toHaveLength(1);
    expect((await columns(contested)).currentSubscriptionId).toBe(won[0]!.body.id);

    const subscriptions = await Promise.all(Array.from({ length: 30 }, () => hub.subscribed()));
    const cancels = await Promise.all(subscriptions.map((sub) => hub.cancel(sub.id, { at: 'now', reason: 'Switching entities' })));
    expect(cancels.map((result) => result.status)).toEqual(subscriptions.map(() => 200));
    const renewed = await Promise.all(
      subscriptions.map((sub) => hub.subscribe({ organization_id: sub.organization_id, plan_id: hub.growth.id, billing_cycle: 'monthly', agent_count: 5 })),
    );
    expect(renewed.map((result) => result.status)).toEqual(subscriptions.map(() => 201));
    for (const [index, sub] of subscriptions.entries()) {
      expect(await columns(sub.organization_id)).toMatchObject({ currentSubscriptionId: renewed[index]!.body.id, currentPlanId: hub.growth.id, currentStatus: 'active' });
    }
    expect(await staleOrganizations()).toBe(0);
  });
});
