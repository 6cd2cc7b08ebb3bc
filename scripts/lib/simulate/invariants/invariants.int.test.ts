import { beforeAll, describe, expect, it } from 'vitest';
import { recordPayment } from '@/lib/billing/payments/record-payment';
import { refundInvoice } from '@/lib/billing/refunds/refund-invoice';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { customerHub } from '@/tests/integration/customer-hub';
import { checkInvariants } from './all-invariants';

/**
 * The simulation's invariants on the real PostgreSQL: a database made by the product's own
 * operations passes them all; each deliberately broken rule — a billing run that issues a period
 * twice, a refund that skips its reservation, a coupon counted wrong, an invoice whose lines do not
 * add up, a change that leaves a gap, money the simulation never moved — fails with a readable
 * message naming the records.
 */
let hub: Awaited<ReturnType<typeof customerHub>>;
let invoice: { id: string; number: string; total: number; subscriptionId: string };
const paid = new Map([['IDR', 0]]);
const refunded = new Map([['IDR', 0]]);
const check = () => checkInvariants({ sql: db(), expected: { paid, refunded } });

beforeAll(async () => {
  hub = await customerHub();
  const actor = await credentialsFor('super_admin');
  const coupon = await hub.makeCoupon({ percent: 10, duration: 'forever' });
  const sub = await hub.subscribed({ coupon_code: coupon.code });
  await hub.subscribed({ billing_cycle: 'annual' });
  const row = await db().invoice.findFirstOrThrow({ where: { subscriptionId: sub.id } });
  invoice = { id: row.id, number: row.number, total: row.total.toNumber(), subscriptionId: sub.id };
  await recordPayment(row.id, { amount: invoice.total, method: 'bank_transfer', reference: `INV-TEST-${row.id}` }, 'system');
  paid.set('IDR', invoice.total);
  const refund = await refundInvoice(row.id, { reason: 'Invariant test', amount: 1_000 }, { type: 'user', id: actor.userId, label: 'tester', role: 'super_admin' });
  expect(refund.status).toBe('succeeded');
  refunded.set('IDR', 1_000);
});

describe('the simulation invariants', () => {
  it('hold on a database made by the product\'s own operations', async () => {
    expect(await check()).toEqual([]);
  });

  it('a refund that skipped its reservation is caught, naming the invoice', async () => {
    await db().$executeRaw`INSERT INTO refunds (id, invoice_id, amount, currency, reason, status, provider, created_at)
      VALUES (gen_random_uuid(), ${invoice.id}::uuid, 500, 'IDR', 'no reservation', 'succeeded', 'manual', now())`;
    const failures = await check();
    expect(failures).toContain(`every refund holds its reservation: invoice ${invoice.number} (${invoice.id}) has 1000 refunded, but its pending and succeeded refunds add up to 1500`);
    // The money no longer adds up either: the simulation saw 1,000 refunded, the database says 1,500.
    expect(failures.join('\n')).toMatch(/Σ payments − Σ succeeded refunds = collected, per currency: IDR collected \d+ .*but the simulation paid/);
    await db().$executeRaw`DELETE FROM refunds WHERE reason = 'no reservation'`;
    expect(await check()).toEqual([]);
  });

  it('a billing run that issues a period twice is caught, naming the subscription and both invoices', async () => {
    // The unique key is what stops it in the product: without it, a second insert goes through.
    await db().$executeRawUnsafe('DROP INDEX invoices_subscription_kind_period_key');
    const copy = `${invoice.number}-TWICE`;
    await db().$executeRaw`INSERT INTO invoices (id, number, organization_id, subscription_id, plan_id, currency, kind, status, period_start, period_end, subtotal, discount_total, tax_rate, tax_total, total, issued_at, created_at, updated_at)
      SELECT gen_random_uuid(), ${copy}, organization_id, subscription_id, plan_id, currency, kind, 'open', period_start, period_end, 0, 0, tax_rate, 0, 0, issued_at, created_at, updated_at FROM invoices WHERE id = ${invoice.id}::uuid`;
    const failures = await check();
    const row = await db().invoice.findFirstOrThrow({ where: { id: invoice.id } });
    expect(failures).toContain(`no period invoice twice for one period: subscription ${invoice.subscriptionId}: the period from ${row.periodStart.toISOString()} is invoiced 2 times (${[invoice.number, copy].sort().join(', ')})`);
    expect(failures.some((failure) => failure.startsWith(`one invoice per billing period, no gap, no overlap: subscription ${invoice.subscriptionId}: an overlap`))).toBe(true);
    // Its audit entry is missing too: it was not issued through the product.
    expect(failures.some((failure) => failure.startsWith('the audit log has an entry for every change: invoice without invoice.issued:'))).toBe(true);
    await db().$executeRaw`DELETE FROM invoices WHERE number = ${copy}`;
  });

  it('a coupon counted wrong, lines that do not add up, and a gap between periods are caught', async () => {
    await db().$executeRaw`UPDATE coupons SET current_uses = current_uses + 1 WHERE id = (SELECT coupon_id FROM subscriptions WHERE id = ${invoice.subscriptionId}::uuid)`;
    await db().$executeRaw`UPDATE invoice_lines SET amount = amount + 1 WHERE invoice_id = ${invoice.id}::uuid AND position = 0`;
    await db().$executeRaw`UPDATE subscriptions SET started_at = started_at - interval '1 day' WHERE id = ${invoice.subscriptionId}::uuid`;
    const failures = (await check()).join('\n');
    expect(failures).toMatch(/coupon current_uses = redemptions ≤ max_uses: coupon \S+ \([0-9a-f-]{36}\): current_uses 2, 1 redemptions/);
    expect(failures).toContain(`every invoice's lines add up to its total: invoice ${invoice.number} (${invoice.id}) totals ${invoice.total}; its lines add up to ${invoice.total + 1}`);
    expect(failures).toContain(`one invoice per billing period, no gap, no overlap: subscription ${invoice.subscriptionId}: its first invoice ${invoice.number} starts`);
  });
});
