import type { PrismaClient } from '../lib/generated/prisma/client';
import type { InvoiceStatus } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/auth/passwords';
import { issueMissingCreditNotes } from '../lib/billing/credit-notes/issue-missing-credit-notes';
import { ADDON_SLUGS, addonSeedRows } from './seed-data/addons';
import { buildDemoBilling, type TDemoBilling } from './seed-data/build-demo-billing';
import { COUPON_CODES, couponSeedRows } from './seed-data/coupons';
import { DEMO_MARKER_SLUG, DEMO_ORGANIZATIONS } from './seed-data/organizations';
import { PLAN_SLUGS, planSeedRows } from './seed-data/plans';
import { seedUsersFromEnv } from './seed-users';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

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

/**
 * Seeds the demo: the three sign-in users, the plan / coupon / add-on catalog, and 60 tenants with
 * 12 months of invoices. Idempotent: users and catalog rows are inserted only when their email,
 * slug or code is absent (existing rows are never changed, so an operator's edits and passwords
 * survive), and the tenants with their history only when the first demo tenant is absent.
 * Everything runs in one transaction: a failed seed leaves nothing half-done.
 */
export async function seedDatabase(
  client: PrismaClient,
  options: { log?: (message: string) => void; now?: Date } = {},
): Promise<SeedSummary> {
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

      if (await tx.organization.findUnique({ where: { slug: DEMO_MARKER_SLUG }, select: { id: true } })) {
        log('demo tenants already present: left as they are');
      } else {
        Object.assign(created, await seedDemoTenants(tx, now));
        log(`demo tenants created: ${created.organizations} organizations, ${created.invoices} invoices`);
      }
      // Every succeeded refund has its credit note (SPEC §12): the demo's, and those of a database
      // seeded before credit notes existed. None missing: nothing issued.
      created.creditNotes = await issueMissingCreditNotes(tx);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );

  const summary = { created, ...(await countRows(client)) };
  return { ...summary, changed: Object.values(created).some((count) => count > 0) };
}

async function seedDemoTenants(tx: Tx, now: Date): Promise<Partial<Record<TTable, number>>> {
  const superAdmin = await tx.user.findFirst({ where: { role: 'super_admin' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const demo = buildDemoBilling({
    now,
    organizations: DEMO_ORGANIZATIONS,
    catalog: {
      plans: await tx.plan.findMany({ where: { slug: { in: PLAN_SLUGS } } }),
      addons: await tx.addon.findMany({ where: { slug: { in: ADDON_SLUGS } } }),
      coupons: await tx.coupon.findMany({ where: { code: { in: COUPON_CODES } } }),
    },
    refundActorId: superAdmin?.id ?? null,
  });
  return insertDemoBilling(tx, demo);
}

async function insertDemoBilling(tx: Tx, demo: TDemoBilling): Promise<Partial<Record<TTable, number>>> {
  // Parents before children; createMany keeps this a dozen statements for ~3,000 rows.
  const organizations = (await tx.organization.createMany({ data: demo.organizations })).count;
  const subscriptions = (await tx.subscription.createMany({ data: demo.subscriptions })).count;
  const subscriptionAddons = (await tx.subscriptionAddon.createMany({ data: demo.subscriptionAddons })).count;
  const invoices = (await tx.invoice.createMany({ data: demo.invoices })).count;
  const invoiceLines = (await tx.invoiceLine.createMany({ data: demo.invoiceLines })).count;
  const payments = (await tx.payment.createMany({ data: demo.payments })).count;
  const refunds = (await tx.refund.createMany({ data: demo.refunds })).count;
  const couponRedemptions = (await tx.couponRedemption.createMany({ data: demo.redemptions })).count;
  // current_uses counts redemptions (SPEC §5): add exactly the ones just recorded.
  for (const [couponId, uses] of demo.couponUses) {
    await tx.coupon.update({ where: { id: couponId }, data: { currentUses: { increment: uses } } });
  }
  return { organizations, subscriptions, subscriptionAddons, invoices, invoiceLines, payments, refunds, couponRedemptions };
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
