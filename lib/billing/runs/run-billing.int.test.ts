import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createRunPlan, createRunSubscription, reportUsage } from './billing-run-fixtures';
import { runBilling } from './run-billing';

const d = (iso: string) => new Date(iso);
const invoicesOf = (subscriptionId: string) =>
  db().invoice.findMany({ where: { subscriptionId }, orderBy: [{ periodStart: 'asc' }, { kind: 'asc' }], include: { lines: { orderBy: { position: 'asc' } } } });

describe('the billing run', () => {
  // A run bills every subscription in the database: each test's counts are about its own, so the
  // previous tests' subscriptions (billed up to earlier dates) are taken out of the way.
  beforeEach(async () => {
    await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
  });

  it('renews a monthly subscription whose period ended: next period\'s invoice with plan, extra agents, add-on, the closed month\'s overage and tax', async () => {
    const subscription = await createRunSubscription({ startedAt: d('2031-01-31T10:00:00Z'), agentCount: 3 });
    const addon = await db().addon.create({ data: { name: 'Extra number', slug: `run-addon-${subscription.id.slice(0, 8)}`, priceMonthly: '50000', priceAnnual: '500000' } });
    await db().subscriptionAddon.create({ data: { subscriptionId: subscription.id, addonId: addon.id, quantity: 2 } });
    await reportUsage(subscription.organizationId, 900, d('2031-02-10T00:00:00Z'));
    await reportUsage(subscription.organizationId, 600, d('2031-02-28T09:59:59Z')); // last instant of the closed period
    await reportUsage(subscription.organizationId, 5_000, d('2031-02-28T10:00:00Z')); // the next period's: not billed now

    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2031-02-28T12:00:00Z') });

    expect(run).toMatchObject({ status: 'succeeded', issued: 1, renewed: 1, ended: 0, failed: 0 });
    const [invoice] = await invoicesOf(subscription.id);
    expect(invoice).toMatchObject({ kind: 'subscription', status: 'open', periodStart: d('2031-02-28T10:00:00Z'), periodEnd: d('2031-03-31T10:00:00Z'), issuedAt: d('2031-02-28T12:00:00Z') });
    // 100,000 + 1 × 10,000 + 2 × 50,000 + 500 × 100 = 260,000; PPN 11% = 28,600.
    expect(invoice!.lines.map((line) => [line.kind, line.quantity, line.amount.toString()])).toEqual([
      ['plan_base', 1, '100000'], ['per_agent', 1, '10000'], ['overage', 500, '50000'], ['addon', 2, '100000'], ['tax', 1, '28600'],
    ]);
    expect(invoice!.total.toString()).toBe('288600');
    expect(invoice!.number).toMatch(/^INV-203102-\d{6}$/);
    const after = await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(after).toMatchObject({ currentPeriodStart: d('2031-02-28T10:00:00Z'), currentPeriodEnd: d('2031-03-31T10:00:00Z'), usageBilledUntil: d('2031-02-28T10:00:00Z') });
  });

  it('a second run at the same time finds nothing due: nothing is issued twice', async () => {
    const subscription = await createRunSubscription({ startedAt: d('2032-01-01T00:00:00Z') });
    await runBilling({ trigger: 'cli', actor: 'system', at: d('2032-02-01T00:00:00Z') });
    const again = await runBilling({ trigger: 'cli', actor: 'system', at: d('2032-02-01T00:00:00Z') });
    expect(again).toMatchObject({ issued: 0, renewed: 0, failed: 0 });
    expect(await invoicesOf(subscription.id)).toHaveLength(1);
  });

  it('a subscription three periods behind catches up in one run, one invoice per period, no gaps', async () => {
    const subscription = await createRunSubscription({ startedAt: d('2033-01-15T00:00:00Z') });
    await runBilling({ trigger: 'cli', actor: 'system', at: d('2033-04-20T00:00:00Z') });
    const periods = (await invoicesOf(subscription.id)).map((invoice) => [invoice.periodStart.toISOString().slice(0, 10), invoice.periodEnd.toISOString().slice(0, 10)]);
    expect(periods).toEqual([['2033-02-15', '2033-03-15'], ['2033-03-15', '2033-04-15'], ['2033-04-15', '2033-05-15']]);
  });

  it('an annual subscriber\'s overage goes on monthly usage invoices; months without overage get none; the renewal has no overage line', async () => {
    const subscription = await createRunSubscription({ cycle: 'annual', startedAt: d('2034-01-31T00:00:00Z') });
    await reportUsage(subscription.organizationId, 1_250, d('2034-02-15T00:00:00Z')); // month 2 (Jan 31 – Feb 28 is month 1)
    await reportUsage(subscription.organizationId, 1_000, d('2034-05-01T00:00:00Z')); // exactly the allowance: nothing
    await reportUsage(subscription.organizationId, 1_001, d('2035-01-30T00:00:00Z')); // the last month
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2035-02-01T00:00:00Z') });
    const invoices = await invoicesOf(subscription.id);
    const usage = invoices.filter((invoice) => invoice.kind === 'usage');
    expect(usage.map((invoice) => [invoice.periodStart.toISOString().slice(0, 10), invoice.periodEnd.toISOString().slice(0, 10), invoice.lines[0]!.quantity, invoice.total.toString()])).toEqual([
      ['2034-01-31', '2034-02-28', 250, '27750'],
      ['2034-12-31', '2035-01-31', 1, '111'],
    ]);
    const renewal = invoices.filter((invoice) => invoice.kind === 'subscription');
    expect(renewal).toHaveLength(1);
    expect(renewal[0]!.lines.map((line) => line.kind)).toEqual(['plan_base', 'tax']);
    expect(renewal[0]!.periodEnd).toEqual(d('2036-01-31T00:00:00Z'));
    expect(run).toMatchObject({ issued: 3, renewed: 1 });
  });

  it('a repeating coupon discounts its cycles, then stops', async () => {
    const subscription = await createRunSubscription({ startedAt: d('2036-03-01T00:00:00Z') });
    const coupon = await db().coupon.create({ data: { code: `RUN${subscription.id.slice(0, 8).toUpperCase()}`, discountType: 'percentage', discountValue: '10', duration: 'repeating', durationInCycles: 2, validFrom: d('2030-01-01T00:00:00Z') } });
    await db().subscription.update({ where: { id: subscription.id }, data: { couponId: coupon.id } });
    await runBilling({ trigger: 'cli', actor: 'system', at: d('2036-06-02T00:00:00Z') });
    expect((await invoicesOf(subscription.id)).map((invoice) => invoice.discountTotal.toString())).toEqual(['10000', '10000', '0']);
  });

  it('a subscription cancelled at period end ends at the boundary: no renewal, its last period\'s overage on a usage invoice', async () => {
    const ending = await createRunSubscription({ startedAt: d('2037-01-01T00:00:00Z') });
    const renewing = await createRunSubscription({ startedAt: d('2037-01-01T00:00:00Z') });
    await reportUsage(ending.organizationId, 1_100, d('2037-01-20T00:00:00Z'));
    await db().subscription.update({ where: { id: ending.id }, data: { cancelAtPeriodEnd: true, cancelReason: 'Closing down' } });
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2037-02-01T00:00:00Z') });
    expect(run).toMatchObject({ issued: 2, renewed: 1, ended: 1 });
    const [usage] = await invoicesOf(ending.id);
    expect(usage).toMatchObject({ kind: 'usage', periodStart: d('2037-01-01T00:00:00Z'), periodEnd: d('2037-02-01T00:00:00Z') });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: ending.id } })).toMatchObject({ status: 'cancelled', cancelledAt: d('2037-02-01T00:00:00Z'), cancelAtPeriodEnd: false, pendingChange: null });
    expect(await db().auditLogEntry.count({ where: { entityId: ending.id, action: 'subscription.ended' } })).toBe(1);
    const later = await runBilling({ trigger: 'cli', actor: 'system', at: d('2037-06-01T00:00:00Z') });
    expect(await invoicesOf(ending.id)).toHaveLength(1);
    expect(await invoicesOf(renewing.id)).toHaveLength(5); // Feb…Jun: the other one kept renewing
    expect(later.failed).toBe(0);
  });

  it('a reactivated subscription (cancel at period end taken back) renews at the boundary', async () => {
    const subscription = await createRunSubscription({ startedAt: d('2037-03-01T00:00:00Z') });
    await db().subscription.update({ where: { id: subscription.id }, data: { cancelAtPeriodEnd: true } });
    await db().subscription.update({ where: { id: subscription.id }, data: { cancelAtPeriodEnd: false } });
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2037-04-01T00:00:00Z') });
    expect(run.failed).toBe(0);
    expect((await invoicesOf(subscription.id)).map((invoice) => [invoice.kind, invoice.periodStart.toISOString().slice(0, 10)])).toEqual([['subscription', '2037-04-01']]);
    expect(await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ status: 'active', currentPeriodStart: d('2037-04-01T00:00:00Z'), currentPeriodEnd: d('2037-05-01T00:00:00Z') });
  });

  it('a pending downgrade takes effect at the boundary: the renewal invoice is on the new plan and agents, the change is cleared', async () => {
    const from = await createRunPlan();
    const to = await db().plan.update({ where: { id: (await createRunPlan()).id }, data: { basePriceMonthly: '50000' } });
    const subscription = await createRunSubscription({ startedAt: d('2037-05-31T00:00:00Z'), planId: from.id, agentCount: 4 });
    await db().subscription.update({
      where: { id: subscription.id },
      data: { pendingChange: { plan_id: to.id, billing_cycle: 'monthly', agent_count: 2, addons: [], effective_at: '2037-06-30T00:00:00.000Z', requested_at: '2037-06-10T00:00:00.000Z', removes_coupon: null } },
    });
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2037-07-01T00:00:00Z') });
    expect(run).toMatchObject({ renewed: 1, failed: 0 });
    const renewal = (await invoicesOf(subscription.id)).find((invoice) => invoice.kind === 'subscription')!;
    expect(renewal).toMatchObject({ planId: to.id, periodStart: d('2037-06-30T00:00:00Z'), periodEnd: d('2037-07-31T00:00:00Z'), subtotal: expect.anything() });
    expect(renewal.subtotal.toString()).toBe('50000'); // the new plan's base, 2 agents: all included
    // The schedule stays anchored on the start (31st): 30 June → 31 July, not 30 July.
    expect(await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      planId: to.id, agentCount: 2, pendingChange: null, currentPeriodStart: d('2037-06-30T00:00:00Z'), currentPeriodEnd: d('2037-07-31T00:00:00Z'),
    });
  });

  it('a subscription that cannot be billed fails alone, with its reason; the rest of its batch is billed', async () => {
    const plan = await createRunPlan();
    const good = await Promise.all([1, 2, 3].map(() => createRunSubscription({ startedAt: d('2038-01-01T00:00:00Z'), planId: plan.id })));
    const bad = await createRunSubscription({ startedAt: d('2038-01-01T00:00:00Z'), planId: plan.id, currency: 'XXX' });
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2038-02-01T00:00:00Z'), batchSize: 10 });
    expect(run).toMatchObject({ issued: 3, renewed: 3, failed: 1 });
    expect(run.failures).toEqual([{ subscription_id: bad.id, code: 'billing_failed', reason: 'Unsupported currency XXX' }]);
    for (const subscription of good) expect(await invoicesOf(subscription.id)).toHaveLength(1);
    expect(await invoicesOf(bad.id)).toHaveLength(0);
  });

  it('numbers are gap-free in their month, across batches and concurrent runs, and every invoice is issued once', async () => {
    const plan = await createRunPlan();
    const subscriptions = await Promise.all(Array.from({ length: 30 }, () => createRunSubscription({ startedAt: d('2039-01-01T00:00:00Z'), planId: plan.id })));
    const at = d('2039-02-01T00:00:00Z');
    const runs = await Promise.all([1, 2, 3].map(() => runBilling({ trigger: 'api', actor: 'system', at, batchSize: 4 })));
    expect(runs.reduce((sum, run) => sum + run.issued, 0)).toBe(30);
    const invoices = await db().invoice.findMany({ where: { subscriptionId: { in: subscriptions.map((s) => s.id) } } });
    expect(invoices).toHaveLength(30);
    expect(new Set(invoices.map((invoice) => invoice.subscriptionId)).size).toBe(30);
    const inMonth = await db().invoice.findMany({ where: { number: { startsWith: 'INV-203902-' } }, select: { number: true } });
    const sequence = inMonth.map((invoice) => Number(invoice.number.slice(-6))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: sequence.length }, (_, index) => index + 1));
  });
});

describe('the billing run against an invoice nobody expected', () => {
  it('a period already invoiced is never invoiced again: that subscription fails with period_already_invoiced, the rest of the batch is billed, and the rolled-back batch leaves no gap in the numbers', async () => {
    await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
    const plan = await createRunPlan();
    const subscriptions = await Promise.all(Array.from({ length: 5 }, () => createRunSubscription({ startedAt: d('2040-01-01T00:00:00Z'), planId: plan.id })));
    const taken = subscriptions[2]!;
    await db().invoice.create({
      data: {
        number: 'MANUAL-1', organizationId: taken.organizationId, subscriptionId: taken.id, planId: plan.id, currency: 'IDR', status: 'open',
        periodStart: d('2040-02-01T00:00:00Z'), periodEnd: d('2040-03-01T00:00:00Z'), subtotal: '1', total: '1', issuedAt: d('2040-01-15T00:00:00Z'),
      },
    });
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2040-02-01T00:00:00Z'), batchSize: 10 });
    expect(run).toMatchObject({ issued: 4, renewed: 4, failed: 1 });
    expect(run.failures).toEqual([expect.objectContaining({ subscription_id: taken.id, code: 'period_already_invoiced' })]);
    expect(await db().invoice.count({ where: { subscriptionId: taken.id } })).toBe(1);
    const numbers = (await db().invoice.findMany({ where: { number: { startsWith: 'INV-204002-' } } })).map((invoice) => Number(invoice.number.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4]);
  });
});
