import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createSubscriptionFixture } from '@/tests/integration/billing-fixtures';
import { Prisma } from '@/lib/generated/prisma/client';
import { draftSubscriptionInvoice, readSubscriptionPrices } from './draft-subscription-invoice';
import { FIRST_WRITE_RETURNED, insertInvoices } from './insert-invoices';
import { issueInvoice } from './issue-invoice';

const period = { periodStart: new Date('2026-10-01T00:00:00Z'), periodEnd: new Date('2026-11-01T00:00:00Z') };

async function couponFor(subscriptionId: string, coupon: { maxUses?: number | null; duration?: 'once' | 'repeating' | 'forever'; cycles?: number | null; value?: string }) {
  const created = await db().coupon.create({
    data: {
      code: `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      discountType: 'percentage',
      discountValue: coupon.value ?? '10',
      duration: coupon.duration ?? 'once',
      durationInCycles: coupon.cycles ?? null,
      maxUses: coupon.maxUses ?? null,
      validFrom: new Date('2026-01-01T00:00:00Z'),
    },
  });
  await db().subscription.update({ where: { id: subscriptionId }, data: { couponId: created.id } });
  return created;
}

describe('issueInvoice', () => {
  it('prices the subscription with the engine, numbers the invoice, and audits it', async () => {
    // Fixture plan: Rp 100.000/month, 2 agents included, Rp 10.000 per extra agent, 1,000 messages, Rp 100 per extra message.
    const { subscription } = await createSubscriptionFixture();
    await db().subscription.update({ where: { id: subscription.id }, data: { agentCount: 3 } });
    const invoice = await issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 1_500, issuedAt: new Date('2026-11-01T00:00:00Z') });
    // 100,000 + 1 × 10,000 + 500 × 100 = 160,000; PPN 11% = 17,600; total 177,600.
    expect(invoice).toMatchObject({ status: 'open', currency: 'IDR' });
    expect(invoice.subtotal.toString()).toBe('160000');
    expect(invoice.taxTotal.toString()).toBe('17600');
    expect(invoice.total.toString()).toBe('177600');
    expect(invoice.number).toMatch(/^INV-202611-\d{6}$/);
    const lines = await db().invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: 'asc' } });
    expect(lines.map((line) => line.kind)).toEqual(['plan_base', 'per_agent', 'overage', 'tax']);
    expect(await db().auditLogEntry.count({ where: { entityId: invoice.id, action: 'invoice.issued', actorType: 'system' } })).toBe(1);
  });

  it('an invoice discounted by the subscription\'s coupon spends a cycle and uses nothing of max_uses', async () => {
    const { subscription } = await createSubscriptionFixture();
    const coupon = await couponFor(subscription.id, { duration: 'once' });
    const invoice = await issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 0 });
    // 10% of 100,000 = 10,000 off; tax 11% of 90,000 = 9,900; total 99,900.
    expect(invoice.discountTotal.toString()).toBe('10000');
    expect(invoice.total.toString()).toBe('99900');
    expect(invoice.couponId).toBe(coupon.id);
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(0);
    expect(await db().couponRedemption.count({ where: { couponId: coupon.id } })).toBe(0);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).couponCyclesUsed).toBe(1);
  });

  it('a repeating coupon discounts as many invoices as its cycles, then none', async () => {
    const { subscription } = await createSubscriptionFixture();
    await couponFor(subscription.id, { duration: 'repeating', cycles: 2 });
    const discounts = [];
    for (const [start, end] of [['2026-10-01', '2026-11-01'], ['2026-11-01', '2026-12-01'], ['2026-12-01', '2027-01-01']]) {
      const invoice = await issueInvoice({ subscriptionId: subscription.id, periodStart: new Date(`${start}T00:00:00Z`), periodEnd: new Date(`${end}T00:00:00Z`), messagesUsed: 0 });
      discounts.push(invoice.discountTotal.toString());
    }
    expect(discounts).toEqual(['10000', '10000', '0']);
  });

  it('a `once` coupon discounts only the first invoice', async () => {
    const { subscription } = await createSubscriptionFixture();
    await couponFor(subscription.id, { duration: 'once' });
    await issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 0 });
    const second = await issueInvoice({ subscriptionId: subscription.id, periodStart: period.periodEnd, periodEnd: new Date('2026-12-01T00:00:00Z'), messagesUsed: 0 });
    expect(second.discountTotal.toString()).toBe('0');
  });

  it('the same period is not invoiced twice', async () => {
    const { subscription } = await createSubscriptionFixture();
    await issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 0 });
    await expect(issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 0 })).rejects.toMatchObject({ status: 409, code: 'period_already_invoiced' });
  });

  it('a coupon exhausted after it was applied still discounts its holders (its uses are subscriptions, not invoices)', async () => {
    const fixtures = await Promise.all(Array.from({ length: 3 }, () => createSubscriptionFixture()));
    const shared = await couponFor(fixtures[0]!.subscription.id, { maxUses: 3, duration: 'forever' });
    await db().coupon.update({ where: { id: shared.id }, data: { currentUses: 3 } });
    await db().subscription.updateMany({ where: { id: { in: fixtures.map((f) => f.subscription.id) } }, data: { couponId: shared.id } });
    const invoices = await Promise.all(fixtures.map(({ subscription }) => issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 0 })));
    expect(invoices.map((invoice) => invoice.discountTotal.toString())).toEqual(['10000', '10000', '10000']);
    expect((await db().coupon.findUniqueOrThrow({ where: { id: shared.id } })).currentUses).toBe(3);
  });
});

describe('insertInvoices with onlyIf, outside a transaction', () => {
  async function draftFor(subscriptionId: string, periodStart: Date, periodEnd: Date) {
    const subscription = await db().subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    const prices = await db().$transaction((tx) => readSubscriptionPrices(tx, subscription));
    return draftSubscriptionInvoice(subscription, prices, { periodStart, periodEnd, messagesUsed: 0, issuedAt: periodEnd }).draft;
  }
  const setAgents = (subscriptionId: string, agents: number, when: Prisma.Sql) =>
    Prisma.sql`UPDATE subscriptions SET agent_count = ${agents}::int WHERE id = ${subscriptionId}::uuid AND ${when} RETURNING id`;

  it('writes nothing at all when the condition does not hold, and answers an empty map', async () => {
    const { subscription } = await createSubscriptionFixture();
    const draft = await draftFor(subscription.id, period.periodStart, period.periodEnd);
    const numbered = await insertInvoices(db(), [draft], 'system', [{ action: 'test.guarded', entityType: 'subscription', entityId: subscription.id, before: null, after: null }], [setAgents(subscription.id, 9, Prisma.sql`false`)], FIRST_WRITE_RETURNED);
    expect(numbered.size).toBe(0);
    expect(await db().invoice.count({ where: { id: draft.id } })).toBe(0);
    expect(await db().auditLogEntry.count({ where: { entityId: { in: [draft.id, subscription.id] } } })).toBe(0);
  });

  it('a period already invoiced fails the whole statement: 409, and the caller\'s write is not kept either', async () => {
    const { subscription } = await createSubscriptionFixture();
    await issueInvoice({ subscriptionId: subscription.id, ...period, messagesUsed: 0 });
    const draft = await draftFor(subscription.id, period.periodStart, period.periodEnd);
    await expect(insertInvoices(db(), [draft], 'system', [], [setAgents(subscription.id, 9, Prisma.sql`true`)], FIRST_WRITE_RETURNED))
      .rejects.toMatchObject({ status: 409, code: 'period_already_invoiced' });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).agentCount).not.toBe(9);
    expect(await db().invoice.count({ where: { subscriptionId: subscription.id } })).toBe(1);
  });

  it('writes everything when it holds', async () => {
    const { subscription } = await createSubscriptionFixture();
    const draft = await draftFor(subscription.id, period.periodStart, period.periodEnd);
    const numbered = await insertInvoices(db(), [draft], 'system', [], [setAgents(subscription.id, 9, Prisma.sql`true`)], FIRST_WRITE_RETURNED);
    expect([...numbered.keys()]).toEqual([draft.id]);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).agentCount).toBe(9);
    expect(await db().invoiceLine.count({ where: { invoiceId: draft.id } })).toBe(draft.computed.lines.length);
  });
});
