import { beforeAll, describe, expect, it } from 'vitest';
import { moveClockTo, nowMs } from '@/lib/clock';
import { db } from '@/lib/db';
import { Decimal, roundMoney } from '@/lib/money';
import { customerHub } from '@/tests/integration/customer-hub';
import { wholeDaysBetween } from '../periods/billing-period';
import { ZChangePreview, ZChangeResult, ZSubscription } from './schemas';

// Upgrades are tested mid-period: this file moves its own clock forward (lib/clock.ts).
process.env.TEST_CLOCK = 'true';
const DAY = 86_400_000;
let hub: Awaited<ReturnType<typeof customerHub>>;
const round = (value: Decimal.Value) => roundMoney(new Decimal(value), 'IDR');
const invoicesOf = (subscriptionId: string) => db().invoice.findMany({ where: { subscriptionId }, orderBy: { createdAt: 'asc' }, include: { lines: { orderBy: { position: 'asc' } } } });

beforeAll(async () => {
  hub = await customerHub();
});

describe('create', () => {
  it('the first period starts now and its invoice is issued at once, with the coupon applied (its use counted once)', async () => {
    const coupon = await hub.makeCoupon({ percent: 20, duration: 'repeating', cycles: 3 });
    const sub = await hub.subscribed({ coupon_code: coupon.code.toLowerCase(), addons: [{ addon_id: hub.whatsapp.id, quantity: 2 }] });
    expect(ZSubscription.parse(sub)).toMatchObject({ status: 'active', billing_cycle: 'monthly', currency: 'IDR', agent_count: 2, cancel_at_period_end: false, pending_change: null });
    expect(sub.coupon).toEqual({ coupon_id: coupon.id, code: coupon.code, cycles_left: 2 });
    const [invoice] = await invoicesOf(sub.id);
    // 310.000 + 2 × 93.000 = 496.000; 20% = 99.200; PPN 11% of 396.800 = 43.648.
    expect(invoice).toMatchObject({ kind: 'subscription', status: 'open', couponId: coupon.id });
    expect(invoice!.total.toString()).toBe('440448');
    expect(invoice!.periodStart.toISOString()).toBe(sub.current_period_start);
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(1);
    expect(await db().couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
  });

  it('one live subscription per organization: a second is 409 subscription_exists, after a cancellation a new one is allowed', async () => {
    const sub = await hub.subscribed();
    const again = await hub.subscribe({ organization_id: sub.organization_id, plan_id: hub.growth.id, billing_cycle: 'monthly', agent_count: 1 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'subscription_exists', subscription_id: sub.id });
    expect((await hub.cancel(sub.id, { at: 'now', reason: 'moving plans' })).status).toBe(200);
    expect((await hub.subscribe({ organization_id: sub.organization_id, plan_id: hub.growth.id, billing_cycle: 'monthly', agent_count: 1 })).status).toBe(201);
  });

  it('per-agent add-on quantity = agents: shown as the agent count, a different quantity is 400, and it follows the agents', async () => {
    const sub = await hub.subscribed({ agent_count: 4, addons: [{ addon_id: hub.ai.id }] });
    expect(sub.addons).toEqual([{ addon_id: hub.ai.id, quantity: 4 }]);
    const wrong = await hub.subscribe({ organization_id: await hub.createOrganization(), plan_id: hub.starter.id, billing_cycle: 'monthly', agent_count: 4, addons: [{ addon_id: hub.ai.id, quantity: 3 }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'addons.0.quantity', message: expect.stringContaining('agent count (4)') }]);
    const changed = await hub.change(sub.id, { agent_count: 6 });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.subscription.addons).toEqual([{ addon_id: hub.ai.id, quantity: 6 }]);
  });

  it('an inactive plan is 409 plan_inactive; unknown plan, add-on or organization ids are 400 naming the field', async () => {
    const inactive = await db().plan.update({ where: { id: hub.growth.id }, data: { isActive: false } });
    const organization = await hub.createOrganization();
    const refused = await hub.subscribe({ organization_id: organization, plan_id: inactive.id, billing_cycle: 'monthly', agent_count: 1 });
    await db().plan.update({ where: { id: hub.growth.id }, data: { isActive: true } });
    expect(refused.body.code).toBe('plan_inactive');
    for (const [body, path] of [
      [{ plan_id: crypto.randomUUID() }, 'plan_id'],
      [{ addons: [{ addon_id: crypto.randomUUID() }] }, 'addons.0.addon_id'],
      [{ organization_id: crypto.randomUUID() }, 'organization_id'],
      [{ agent_count: 0 }, 'agent_count'],
    ] as const) {
      const base: Record<string, unknown> = { organization_id: organization, plan_id: hub.starter.id, billing_cycle: 'monthly', agent_count: 1 };
      const result = await hub.subscribe({ ...base, ...body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
  });
});

describe('changes', () => {
  it('upgrade now with day-based proration invoiced at once: credit at what the period invoice charged after its discount, tax on the difference, lines that add up', async () => {
    const coupon = await hub.makeCoupon({ percent: 20, duration: 'forever' });
    const sub = await hub.subscribed({ coupon_code: coupon.code });
    moveClockTo(new Date(nowMs() + 10 * DAY));
    const result = await hub.change(sub.id, { plan_id: hub.growth.id });
    expect(result.status, result.text).toBe(200);
    const { subscription, invoice_id } = ZChangeResult.parse(result.body);
    expect(subscription).toMatchObject({ plan_id: hub.growth.id, current_period_start: sub.current_period_start, current_period_end: sub.current_period_end });

    const days = wholeDaysBetween(new Date(sub.current_period_start), new Date(sub.current_period_end));
    const unused = days - 10;
    const credit = round(new Decimal(248_000).times(unused).dividedBy(days)); // the period invoice charged 310.000 − 20%
    const charge = round(new Decimal(620_000).times(unused).dividedBy(days));
    const discount = round(charge.times('0.2'));
    const tax = round(charge.minus(credit).minus(discount).times('0.11'));
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoice_id! }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(invoice.kind).toBe('proration');
    expect(invoice.lines.map((line) => [line.kind, line.amount.toString()])).toEqual([
      ['plan_base', charge.toString()],
      ['discount', discount.negated().toString()],
      ['credit', credit.negated().toString()],
      ['tax', tax.toString()],
    ]);
    expect(invoice.lines[2]!.description).toBe(`Unused time on Starter (monthly), ${unused} of ${days} days`);
    expect(invoice.total.toString()).toBe(charge.minus(discount).minus(credit).plus(tax).toString());
    expect(invoice.lines.reduce((sum, line) => sum.plus(line.amount.toString()), new Decimal(0)).toString()).toBe(invoice.total.toString());
    expect(invoice.subtotal.minus(invoice.discountTotal).plus(invoice.taxTotal).toString()).toBe(invoice.total.toString());
    expect(invoice.periodEnd.toISOString()).toBe(sub.current_period_end);
    expect(subscription.coupon?.cycles_left).toBeNull();
  });

  it('downgrade at period end as a visible, cancellable pending change, replaced by a newer change', async () => {
    const sub = await hub.subscribed({ plan_id: hub.growth.id, agent_count: 3 });
    const first = await hub.change(sub.id, { plan_id: hub.starter.id });
    expect(first.status, first.text).toBe(200);
    expect(first.body.invoice_id).toBeNull();
    expect(first.body.subscription.plan_id).toBe(hub.growth.id);
    expect(first.body.subscription.pending_change).toMatchObject({ plan_id: hub.starter.id, agent_count: 3, effective_at: sub.current_period_end, removes_coupon: null });
    const second = await hub.change(sub.id, { plan_id: hub.starter.id, agent_count: 2 });
    expect(second.body.subscription.pending_change).toMatchObject({ plan_id: hub.starter.id, agent_count: 2 });
    expect((await hub.get(sub.id)).body.pending_change.agent_count).toBe(2);
    const undone = await hub.cancelChange(sub.id);
    expect(undone.status).toBe(200);
    expect(undone.body.pending_change).toBeNull();
    expect((await hub.cancelChange(sub.id)).body.code).toBe('no_pending_change');
    expect(await db().invoice.count({ where: { subscriptionId: sub.id } })).toBe(1);
  });

  it('immediate downgrade refused (409 downgrade_at_period_end), and annual → monthly now too', async () => {
    const sub = await hub.subscribed({ plan_id: hub.growth.id });
    const refused = await hub.change(sub.id, { plan_id: hub.starter.id, timing: 'now' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('downgrade_at_period_end');
    const annual = await hub.subscribed({ billing_cycle: 'annual' });
    expect((await hub.change(annual.id, { billing_cycle: 'monthly', timing: 'now' })).body.code).toBe('downgrade_at_period_end');
    const deferred = await hub.change(annual.id, { billing_cycle: 'monthly', plan_id: hub.growth.id });
    expect(deferred.body.subscription.pending_change).toMatchObject({ billing_cycle: 'monthly', effective_at: annual.current_period_end });
  });

  it('a period that ended but is not renewed yet: a change now is 409 renewal_due (no days outside every period), a change at the period end is kept', async () => {
    const sub = await hub.subscribed();
    // The period ended a second ago; the billing run has not renewed it yet.
    await db().subscription.update({ where: { id: sub.id }, data: { currentPeriodEnd: new Date(nowMs() - 1_000) } });
    for (const body of [{ agent_count: 9 }, { billing_cycle: 'annual' as const }]) {
      const refused = await hub.change(sub.id, body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('renewal_due');
    }
    expect(await db().invoice.count({ where: { subscriptionId: sub.id } })).toBe(1);
    const deferred = await hub.change(sub.id, { agent_count: 9, timing: 'period_end' });
    expect(deferred.status).toBe(200);
  });

  it('monthly → annual starts a new annual period now, the unused monthly days credited against its first invoice', async () => {
    const sub = await hub.subscribed();
    moveClockTo(new Date(nowMs() + 3 * DAY));
    const result = await hub.change(sub.id, { billing_cycle: 'annual' });
    expect(result.status, result.text).toBe(200);
    const { subscription, invoice_id } = ZChangeResult.parse(result.body);
    expect(subscription.billing_cycle).toBe('annual');
    const start = new Date(subscription.current_period_start);
    expect(start.getTime()).toBeGreaterThan(new Date(sub.current_period_start).getTime());
    expect(new Date(subscription.current_period_end).getUTCFullYear()).toBe(start.getUTCFullYear() + 1);
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoice_id! }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(invoice.kind).toBe('subscription');
    expect(invoice.periodStart.toISOString()).toBe(subscription.current_period_start);
    const days = wholeDaysBetween(new Date(sub.current_period_start), new Date(sub.current_period_end));
    const credit = round(new Decimal(310_000).times(days - 3).dividedBy(days));
    expect(invoice.lines.map((line) => [line.kind, line.amount.toString()])).toEqual([
      ['plan_base', '3100000'], ['credit', credit.negated().toString()], ['tax', round(new Decimal(3_100_000).minus(credit).times('0.11')).toString()],
    ]);
  });

  it('plan-restricted coupon removed by a change to an ineligible plan (the preview says so)', async () => {
    const coupon = await hub.makeCoupon({ percent: 10, plans: [hub.starter.id] });
    const sub = await hub.subscribed({ coupon_code: coupon.code });
    const seen = ZChangePreview.parse((await hub.preview(sub.id, { plan_id: hub.growth.id })).body);
    expect(seen.coupon_removed).toEqual({ coupon_id: coupon.id, code: coupon.code });
    expect(seen.lines.some((line) => line.kind === 'discount')).toBe(false);
    const done = await hub.change(sub.id, { plan_id: hub.growth.id, preview_id: seen.preview_id });
    expect(done.status, done.text).toBe(200);
    expect(done.body.subscription.coupon).toBeNull();
  });

  it('preview_id → 409 subscription_changed when anything it was computed from changed meanwhile', async () => {
    const sub = await hub.subscribed();
    const seen = ZChangePreview.parse((await hub.preview(sub.id, { agent_count: 6 })).body);
    expect(seen).toMatchObject({ timing: 'now', mrr_before: 310_000, mrr_after: 460_000 });
    expect(seen.invoice_now).not.toBeNull();
    expect((await hub.preview(sub.id, { agent_count: 6 })).body.preview_id).toBe(seen.preview_id); // stable while nothing moves
    await db().plan.update({ where: { id: hub.starter.id }, data: { perAgentPrice: '55000' } });
    const stale = await hub.change(sub.id, { agent_count: 6, preview_id: seen.preview_id });
    await db().plan.update({ where: { id: hub.starter.id }, data: { perAgentPrice: '50000' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('subscription_changed');
    expect(await db().invoice.count({ where: { subscriptionId: sub.id } })).toBe(1);
  });
});

describe('cancel', () => {
  it('cancel at period end and reactivate', async () => {
    const sub = await hub.subscribed();
    const scheduled = await hub.cancel(sub.id, { reason: 'budget' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'active', cancel_at_period_end: true, cancelled_at: null });
    expect((await hub.change(sub.id, { agent_count: 5 })).body.code).toBe('subscription_cancelling');
    const back = await hub.reactivate(sub.id);
    expect(back.body).toMatchObject({ status: 'active', cancel_at_period_end: false });
    expect((await hub.reactivate(sub.id)).body.code).toBe('not_cancelling');
    expect(await db().auditLogEntry.count({ where: { entityId: sub.id, action: { in: ['subscription.cancel_scheduled', 'subscription.reactivated'] } } })).toBe(2);
  });

  it('cancel now drops a pending change and ends the subscription at once', async () => {
    const sub = await hub.subscribed({ plan_id: hub.growth.id });
    await hub.change(sub.id, { plan_id: hub.starter.id });
    const ended = await hub.cancel(sub.id, { at: 'now', reason: 'closed the business' });
    expect(ended.body).toMatchObject({ status: 'cancelled', pending_change: null, cancel_at_period_end: false });
    expect(ended.body.cancelled_at).not.toBeNull();
    expect((await hub.reactivate(sub.id)).body.code).toBe('subscription_cancelled');
    expect((await hub.cancel(sub.id, { reason: 'x' })).status).toBe(409);
    expect((await hub.cancel(sub.id, {})).status).toBe(400);
  });
});

describe('coupons on subscriptions', () => {
  it('one coupon per subscription (409 coupon_already_applied); removed, the organization still cannot redeem it again (409 coupon_already_redeemed)', async () => {
    const first = await hub.makeCoupon();
    const second = await hub.makeCoupon();
    const sub = await hub.subscribed();
    expect((await hub.applyCoupon(sub.id, first.code)).status).toBe(200);
    expect((await hub.applyCoupon(sub.id, second.code)).body.code).toBe('coupon_already_applied');
    expect((await hub.removeCoupon(sub.id)).body.coupon).toBeNull();
    const again = await hub.applyCoupon(sub.id, first.code);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('coupon_already_redeemed');
    expect((await db().coupon.findUniqueOrThrow({ where: { id: first.id } })).currentUses).toBe(1);
    expect((await hub.applyCoupon(sub.id, 'NOSUCHCODE')).body).toMatchObject({ code: 'coupon_not_applicable', reason: 'unknown_code' });
  });

  it('a coupon for another plan is 409 coupon_not_applicable with the reason, and uses nothing', async () => {
    const coupon = await hub.makeCoupon({ plans: [hub.growth.id] });
    const sub = await hub.subscribed();
    const refused = await hub.applyCoupon(sub.id, coupon.code);
    expect(refused.body).toMatchObject({ code: 'coupon_not_applicable', reason: 'plan_not_eligible' });
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(0);
  });
});
