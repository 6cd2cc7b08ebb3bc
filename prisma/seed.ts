import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { InvoiceStatus } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/auth/passwords';
import { issueMissingCreditNotes } from '../lib/billing/credit-notes/issue-missing-credit-notes';
import { db } from '../lib/db';
import { addonSeedRows } from './seed-data/addons';
import { couponSeedRows } from './seed-data/coupons';
import { simulateDemoStory } from './seed-data/demo-story';
import { DEMO_MARKER_SLUG } from './seed-data/organizations';
import { PLAN_SLUGS, planSeedRows } from './seed-data/plans';
import { seedUsersFromEnv } from './seed-users';

const TABLES = [
  'users', 'plans', 'coupons', 'addons', 'organizations', 'subscriptions', 'subscriptionAddons',
  'invoices', 'invoiceLines', 'payments', 'refunds', 'creditNotes', 'couponRedemptions',
] as const;
type TTable = (typeof TABLES)[number];

export interface SeedSummary {
  /** Rows this run inserted (all zero on a database that was already seeded). */
  created: Record<TTable, number>;
  /** Rows in each table afterwards. */
  counts: Record<TTable, number>;
  invoicesByStatus: Record<InvoiceStatus, number>;
  changed: boolean;
}

/** Any constant: serialises concurrent seeds (two instances starting at once) in PostgreSQL. */
const SEED_LOCK = 72_611_250;
const DEMO_TABLES = ['organizations', 'subscriptions', 'subscriptionAddons', 'invoices', 'invoiceLines', 'payments', 'refunds', 'creditNotes', 'couponRedemptions'] as const;

/**
 * Seeds the demo: the three sign-in users, the plan / coupon / add-on catalog, and 60 tenants with
 * 24 months of history ending now, made by the simulated business through the product's own API
 * (prisma/seed-data/demo-story.ts). Idempotent: users and catalog rows are inserted only when their
 * email, slug or code is absent (existing rows are never changed, so an operator's edits and
 * passwords survive), in one transaction; the tenants with their history only when the first demo
 * tenant is absent. Concurrent seeds wait for each other (an advisory lock). The history is made by
 * API requests, each committed as it is answered: a seed that fails half-way leaves what was made.
 * The API runs in this process over `db()`: DATABASE_URL must be the database `client` writes
 * (`databaseUrl` sets it).
 */
export async function seedDatabase(
  client: PrismaClient,
  options: { log?: (message: string) => void; now?: Date; databaseUrl?: string; /** false: users and catalog only (benchmarks generate their own tenants). */ history?: boolean } = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const created = Object.fromEntries(TABLES.map((table) => [table, 0])) as Record<TTable, number>;
  // argon2 is slow on purpose: hash outside the transaction, and only for users still missing.
  const users = seedUsersFromEnv();
  const existing = new Set((await client.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email));
  const newUsers = await Promise.all(
    users.filter((u) => !existing.has(u.email)).map(async (u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) })),
  );
  await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      created.users = (await tx.user.createMany({ data: newUsers, skipDuplicates: true })).count;
      created.plans = (await tx.plan.createMany({ data: planSeedRows(now), skipDuplicates: true })).count;
      created.addons = (await tx.addon.createMany({ data: addonSeedRows(now), skipDuplicates: true })).count;
      const plans = await tx.plan.findMany({ where: { slug: { in: PLAN_SLUGS } } });
      const couponRows = couponSeedRows(now, new Map(plans.map((plan) => [plan.slug, plan.id])));
      created.coupons = (await tx.coupon.createMany({ data: couponRows, skipDuplicates: true })).count;
      // Every succeeded refund has its credit note (SPEC §12): those of a database seeded before
      // credit notes existed. None missing: nothing issued.
      created.creditNotes = await issueMissingCreditNotes(tx);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  // The history: the lock held by a transaction that writes nothing, while the API's requests commit.
  if (options.history !== false) await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await tx.organization.findUnique({ where: { slug: DEMO_MARKER_SLUG }, select: { id: true } })) {
        log('demo tenants already present: left as they are');
        return;
      }
      // The API in this process reads DATABASE_URL (lib/config.ts): the database seeded.
      if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
      // lib/config.ts requires a session secret; the in-process API signs no session (an API key
      // authenticates it): a throwaway one when none is set yet (npm start resolves its own after).
      const throwawaySecret = !process.env.NEXTAUTH_SECRET;
      if (throwawaySecret) process.env.NEXTAUTH_SECRET = randomBytes(32).toString('hex');
      try {
        await assertApiDatabase(client);
        const before = (await countRows(client)).counts;
        await simulateDemoStory(client, now, log);
        const after = (await countRows(client)).counts;
        for (const table of DEMO_TABLES) created[table] += after[table] - before[table];
      } finally {
        if (throwawaySecret) delete process.env.NEXTAUTH_SECRET;
      }
      log(`demo tenants created: ${created.organizations} organizations, ${created.invoices} invoices`);
    },
    { maxWait: 300_000, timeout: 600_000 },
  );
  const summary = { created, ...(await countRows(client)) };
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...summary, changed: Object.values(created).some((count) => count > 0) };
}

/** The demo history is made through the API in this process (db()): it must write where the seed does. */
async function assertApiDatabase(client: PrismaClient): Promise<void> {
  const where = `SELECT current_database() AS name, host(inet_server_addr()) AS host, inet_server_port() AS port`;
  const [seeded] = await client.$queryRawUnsafe<{ name: string; host: string | null; port: number | null }[]>(where);
  const [api] = await db().$queryRawUnsafe<{ name: string; host: string | null; port: number | null }[]>(where);
  if (JSON.stringify(seeded) !== JSON.stringify(api)) {
    throw new Error(`The demo history is made through the API in this process, whose DATABASE_URL is another database (${api?.name}, not ${seeded?.name}): set DATABASE_URL to the database being seeded.`);
  }
}

async function countRows(client: PrismaClient): Promise<Pick<SeedSummary, 'counts' | 'invoicesByStatus'>> {
  const [users, plans, coupons, addons, organizations, subscriptions, subscriptionAddons, invoices, invoiceLines, payments, refunds, creditNotes, couponRedemptions, byStatus] =
    await Promise.all([
      client.user.count(), client.plan.count(), client.coupon.count(), client.addon.count(),
      client.organization.count(), client.subscription.count(), client.subscriptionAddon.count(),
      client.invoice.count(), client.invoiceLine.count(), client.payment.count(), client.refund.count(),
      client.creditNote.count(), client.couponRedemption.count(),
      client.invoice.groupBy({ by: ['status'], _count: { _all: true } }),
    ]);
  const invoicesByStatus: Record<InvoiceStatus, number> = { draft: 0, open: 0, paid: 0, partially_refunded: 0, refunded: 0, void: 0 };
  for (const row of byStatus) invoicesByStatus[row.status] = row._count._all;
  return {
    counts: { users, plans, coupons, addons, organizations, subscriptions, subscriptionAddons, invoices, invoiceLines, payments, refunds, creditNotes, couponRedemptions },
    invoicesByStatus,
  };
}
