import { beforeAll, describe, expect, it } from 'vitest';
import { moveClockTo } from '@/lib/clock';
import { db } from '@/lib/db';
import { toDecimal } from '@/lib/money';
import { customerHub } from '@/tests/integration/customer-hub';

// Every invoice writer takes its number in its transaction's last statement (insertInvoices): this
// proves that, with sign-ups (some with a coupon), prorated changes and a coupon running out all at
// once, a month's numbers stay gap-free, each taken once, each invoice with its lines and its audit.
process.env.TEST_CLOCK = 'true';

let hub: Awaited<ReturnType<typeof customerHub>>;

beforeAll(async () => {
  hub = await customerHub();
  // A month of its own: no other test issues invoices in it.
  moveClockTo(new Date('2044-07-10T09:00:00Z'));
});

describe('invoice numbers under concurrent issuers', () => {
  it('60 parallel sign-ups (a coupon with 10 uses among 20 of them) and 15 parallel prorated changes: numbers 1..N in the month, once each, every invoice with its lines and its audit entry', async () => {
    const changing = await Promise.all(Array.from({ length: 15 }, () => hub.subscribed({ agent_count: 2 })));
    const coupon = await hub.makeCoupon({ maxUses: 10, percent: 10 });
    const organizations = await Promise.all(Array.from({ length: 60 }, () => hub.createOrganization()));
    const [signUps, changes] = await Promise.all([
      Promise.all(organizations.map((organization, n) => hub.subscribe({
        organization_id: organization, plan_id: n % 2 ? hub.starter.id : hub.growth.id, billing_cycle: n % 5 ? 'monthly' : 'annual', agent_count: 1 + (n % 4),
        ...(n % 3 === 0 ? { coupon_code: coupon.code } : {}),
      }))),
      Promise.all(changing.map((subscription) => hub.change(subscription.id, { agent_count: 4 }))),
    ]);
    const couponed = signUps.filter((_, n) => n % 3 === 0);
    expect(couponed.filter((answer) => answer.status === 201)).toHaveLength(10);
    expect(couponed.filter((answer) => answer.status === 409).map((answer) => answer.body.reason)).toEqual(Array(10).fill('exhausted'));
    expect(signUps.filter((_, n) => n % 3 !== 0).every((answer) => answer.status === 201)).toBe(true);
    expect(changes.every((answer) => answer.status === 200), JSON.stringify(changes.find((answer) => answer.status !== 200)?.body)).toBe(true);
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(10);

    const invoices = await db().invoice.findMany({ where: { number: { startsWith: 'INV-204407-' } }, include: { lines: true } });
    // 15 first invoices of the changed ones (their sign-ups), 50 sign-ups that passed, 15 prorations.
    expect(invoices).toHaveLength(15 + 50 + 15);
    const sequence = invoices.map((invoice) => Number(invoice.number.slice(-6))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: invoices.length }, (_, index) => index + 1));
    const counter = await db().invoiceNumberCounter.findUniqueOrThrow({ where: { month: '204407' } });
    expect(counter.lastNumber).toBe(invoices.length);
    const perPeriod = new Set(invoices.map((invoice) => `${invoice.subscriptionId} ${invoice.kind} ${invoice.periodStart.toISOString()}`));
    expect(perPeriod.size).toBe(invoices.length);
    for (const invoice of invoices) {
      expect(invoice.lines.length, invoice.number).toBeGreaterThan(0);
      expect(invoice.lines.reduce((sum, line) => sum.plus(toDecimal(line.amount.toString())), toDecimal(0)).toFixed(), invoice.number).toBe(toDecimal(invoice.total.toString()).toFixed());
    }
    const audits = await db().auditLogEntry.findMany({ where: { action: 'invoice.issued', entityId: { in: invoices.map((invoice) => invoice.id) } } });
    expect(audits).toHaveLength(invoices.length);
    const numberOf = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
    for (const audit of audits) expect((audit.after as { number: string }).number).toBe(numberOf.get(audit.entityId));
    expect(await db().subscription.count({ where: { couponId: coupon.id } })).toBe(10);
  }, 120_000);
});
