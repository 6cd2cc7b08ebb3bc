import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/passwords';
import { COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL } from '@/lib/billing/organizations/current-subscription';
import { db } from '@/lib/db';
import { seedDatabase } from './seed';
import { DEFAULT_SEED_USERS } from './seed-users';

describe('the demo seed', () => {
  it('fills an empty database with data for every screen, and a second run changes nothing', async () => {
    const first = await seedDatabase(db());
    expect(first.changed).toBe(true);
    expect(first.counts.users).toBe(3);
    expect(first.counts.plans).toBe(4);
    expect(first.counts.addons).toBeGreaterThanOrEqual(4);
    expect(first.counts.organizations).toBeGreaterThanOrEqual(55);
    expect(first.invoicesByStatus.paid).toBeGreaterThanOrEqual(200);
    for (const status of ['draft', 'open', 'void', 'partially_refunded', 'refunded'] as const) {
      expect(first.invoicesByStatus[status], status).toBeGreaterThan(0);
    }

    const snapshot = async () => ({
      invoices: await db().invoice.findMany({ orderBy: { number: 'asc' }, select: { number: true, status: true, total: true, amountRefunded: true } }),
      coupons: await db().coupon.findMany({ orderBy: { code: 'asc' }, select: { code: true, currentUses: true } }),
      users: await db().user.findMany({ orderBy: { email: 'asc' }, select: { email: true, passwordHash: true } }),
    });
    const before = await snapshot();
    const second = await seedDatabase(db());
    expect(second.changed).toBe(false);
    expect(Object.values(second.created).every((count) => count === 0)).toBe(true);
    expect(second.counts).toEqual(first.counts);
    expect(await snapshot()).toEqual(before);
  });

  it('stores argon2id password hashes, never the passwords', async () => {
    await seedDatabase(db());
    for (const user of DEFAULT_SEED_USERS) {
      const row = await db().user.findUniqueOrThrow({ where: { email: user.email } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(user.password);
      expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
      expect(row.role).toBe(user.role);
    }
  });

  it('keeps every invoice consistent: refunds within payments, coupon uses within limits', async () => {
    await seedDatabase(db());
    const [bad] = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM invoices i
      WHERE i.amount_refunded > i.amount_paid
         OR i.amount_refunded <> COALESCE((SELECT sum(amount) FROM refunds r WHERE r.invoice_id = i.id AND r.status IN ('succeeded', 'pending')), 0)
         OR i.total <> (SELECT sum(amount) FROM invoice_lines l WHERE l.invoice_id = i.id)`;
    expect(Number(bad?.count)).toBe(0);
    // One refund stuck pending at Xendit (its amount reserved), for the Payments & refunds page.
    expect(await db().refund.count({ where: { status: 'pending', provider: 'xendit' } })).toBe(1);
    const [overused] = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM coupons c WHERE c.max_uses IS NOT NULL AND c.current_uses > c.max_uses`;
    expect(Number(overused?.count)).toBe(0);
    // Every succeeded refund has exactly one credit note, of its amount (SPEC §12); the others none.
    const [unmatched] = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM refunds r FULL JOIN credit_notes c ON c.refund_id = r.id
      WHERE (r.status = 'succeeded') IS DISTINCT FROM (c.id IS NOT NULL) OR c.amount <> r.amount OR c.tax_base + c.tax_amount <> c.amount`;
    expect(Number(unmatched?.count)).toBe(0);
    expect(await db().creditNote.count()).toBeGreaterThan(0);
    // Each organization points at its current subscription (the triggers ran on the seed's inserts).
    const [stale] = await db().$queryRawUnsafe<{ count: bigint }[]>(COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL);
    expect(Number(stale?.count)).toBe(0);
    expect(await db().organization.count({ where: { currentSubscriptionId: { not: null } } })).toBeGreaterThan(0);
  });
});
