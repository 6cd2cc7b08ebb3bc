import { describe, expect, it } from 'vitest';
import { GET as overview } from '@/app/api/v1/admin/billing/analytics/overview/route';
import { verifyPassword } from '@/lib/auth/passwords';
import { COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL } from '@/lib/billing/organizations/current-subscription';
import { clockOffsetMs } from '@/lib/clock';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { checkInvariants } from '@/scripts/lib/simulate/invariants/all-invariants';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { seedDatabase } from './seed';
import { DEMO_ORGANIZATIONS } from './seed-data/organizations';
import { DEFAULT_SEED_USERS } from './seed-users';

const utcMonth = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

describe('the demo seed', () => {
  it('fills an empty database with data for every screen, fast, and a second run changes nothing', async () => {
    // 60 tenants × 24 months through the API in-process, argon2 included: ≈ 35 s on this 2-core
    // machine when quiet, 60 s and more while other suites run (the seed logs its time).
    const first = await seedDatabase(db());
    expect(clockOffsetMs()).toBe(0);
    expect(first.changed).toBe(true);
    expect(first.counts.users).toBe(3);
    expect(first.counts.plans).toBe(4);
    expect(first.counts.addons).toBeGreaterThanOrEqual(4);
    expect(first.counts.organizations).toBe(DEMO_ORGANIZATIONS.length);
    expect(first.invoicesByStatus.paid).toBeGreaterThanOrEqual(300);
    // No API makes a draft (billing runs issue invoices open).
    for (const status of ['open', 'void', 'partially_refunded', 'refunded'] as const) {
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
  }, 300_000);

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

  it('tells a true story: every invariant of the simulation holds, and each of the last 12 months has its customers and revenue', async () => {
    await seedDatabase(db());
    const call = apiAs((await credentialsFor('super_admin')).bearer);
    const today = new Date();
    const months = Array.from({ length: 12 }, (_, index) => ({ from: utcMonth(today, index - 11), to: index === 11 ? today : utcMonth(today, index - 10) }));
    // Subscriptions began up to two years ago, each invoiced for every period since it started.
    const [oldest] = await db().$queryRaw<{ started: Date }[]>`SELECT min(started_at) AS started FROM subscriptions`;
    expect(oldest!.started.getTime()).toBeLessThan(utcMonth(today, -22).getTime());
    expect(await checkInvariants({ sql: db() })).toEqual([]);
    for (const month of months) {
      const figures = { from: isoDate(month.from), to: isoDate(month.to) };
      const read = () => call(overview, { path: `/api/v1/admin/billing/analytics/overview?from=${figures.from}&to=${figures.to}&currency=IDR` }).then((answer) => answer.body.current);
      expect(await checkInvariants({ sql: db(), month: { ...figures, overview: read } }), figures.from).toEqual([]);
      const current = await read();
      expect(Number(current.active_subscriptions), figures.from).toBeGreaterThan(0);
      expect(Number(current.gross_revenue), figures.from).toBeGreaterThan(0);
    }
  }, 120_000);

  it('leaves the states the console shows: scheduled downgrades and cancellations, an ended one, both kinds of add-on, coupons held', async () => {
    await seedDatabase(db());
    expect(await db().subscription.count({ where: { status: 'active', pendingChange: { not: Prisma.DbNull } } })).toBeGreaterThanOrEqual(2);
    expect(await db().subscription.count({ where: { status: 'active', cancelAtPeriodEnd: true } })).toBeGreaterThanOrEqual(2);
    expect(await db().subscription.count({ where: { status: 'cancelled' } })).toBeGreaterThan(0);
    for (const unit of ['flat', 'per_agent'] as const) expect(await db().subscriptionAddon.count({ where: { addon: { unit } } }), unit).toBeGreaterThan(0);
    expect(await db().subscription.count({ where: { coupon: { code: 'WELCOME20' } } })).toBeGreaterThan(0);
    // Provider payments carry the provider's ids.
    expect(await db().payment.count({ where: { provider: 'xendit' } })).toBeGreaterThan(0);
    expect(await db().payment.count({ where: { provider: { not: 'manual' }, providerPaymentId: null } })).toBe(0);
  });
});
