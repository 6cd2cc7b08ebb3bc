import type { Db } from '../../lib/db';
import { Prisma } from '../../lib/generated/prisma/client';
import { reserveRefund } from '../../lib/billing/refunds/reserve-refund';
import { simulateClockAt } from '../../lib/clock';
import { API, ApiClient } from '../../scripts/lib/simulate/api-client';
import type { TCatalog } from '../../scripts/lib/simulate/catalog';
import { openInProcessTarget } from '../../scripts/lib/simulate/in-process-target';
import { runSimulation } from '../../scripts/lib/simulate/run-simulation';
import { ADDON_SLUGS } from './addons';
import { COUPON_CODES } from './coupons';
import { DEMO_ORGANIZATIONS } from './organizations';
import { PLAN_SLUGS } from './plans';

/** The demo's history: its 60 companies over the 24 months that end now, the same story every time. */
export const DEMO_STORY = { tenants: DEMO_ORGANIZATIONS.length, months: 24, seed: 20_261_125, concurrency: 4, activity: 0.3 } as const;

const MINUTE = 60_000;

/**
 * The demo tenants, made by the simulated business (scripts/lib/simulate) through the product's
 * own API, in-process (no server): sign-ups, usage, billing runs, payments by bank transfer and by
 * Xendit and Stripe webhooks, upgrades, downgrades, coupons, cancellations, manual refunds — so
 * every subscription has each invoice since it started. Then a short epilogue through the same API
 * leaves the states the console shows (demoEpilogue). `db()` must be the database `sql` reads.
 */
export async function simulateDemoStory(sql: Db, now: Date, log: (message: string) => void): Promise<void> {
  const target = await openInProcessTarget(sql);
  try {
    const result = await runSimulation(target, {
      tenants: DEMO_STORY.tenants, months: DEMO_STORY.months, seed: DEMO_STORY.seed, concurrency: DEMO_STORY.concurrency, activity: DEMO_STORY.activity, progress: false,
      endsAt: now, catalog: await demoCatalog(sql), invariants: false,
      names: (index) => {
        const organization = DEMO_ORGANIZATIONS[index]!;
        return { name: organization.name, slug: organization.slug, billing_email: organization.billingEmail, country: organization.country };
      },
    });
    if (result.failures.length) throw new Error(`the demo's simulated history broke the API's promises:\n${result.failures.join('\n')}`);
    const phases = Object.entries(result.phases).map(([phase, { seconds }]) => `${phase} ${seconds.toFixed(1)} s`).join(', ');
    log(`demo history simulated ${result.startsAt.slice(0, 10)} → ${result.endsAt.slice(0, 10)}: ${result.requests} requests in ${result.seconds.toFixed(1)} s (${phases})`);
    await demoEpilogue(new ApiClient(target.origin, target.bearer, 'seed-epilogue', target.fetch), sql, now);
  } finally {
    await target.close();
  }
}

async function demoCatalog(sql: Db): Promise<TCatalog> {
  const plans = await sql.plan.findMany({ where: { slug: { in: PLAN_SLUGS } }, orderBy: { sortOrder: 'asc' } });
  const addons = await sql.addon.findMany({ where: { slug: { in: ADDON_SLUGS } }, orderBy: { sortOrder: 'asc' } });
  return {
    plans: plans.map((plan, rank) => ({ id: plan.id, slug: plan.slug, rank })),
    addons: addons.map((addon) => ({ id: addon.id, slug: addon.slug, unit: addon.unit })),
    couponCodes: COUPON_CODES,
  };
}

/**
 * What the console and its end-to-end tests show, whatever the dice did (issue #13 item 6):
 * downgrades scheduled for the period end, cancellations scheduled, one ended, a voided invoice —
 * each asked of the API — and one refund stuck pending at Xendit (SPEC §12) for the Payments &
 * refunds page: reserved 45 minutes ago as step 1 of a refund reserves it, its provider never
 * called (as if the process died between the steps); "Recheck now" asks Xendit for it.
 */
async function demoEpilogue(api: ApiClient, sql: Db, now: Date): Promise<void> {
  const expect = async (answer: Promise<{ status: number; body: unknown }>, what: string) => {
    const { status, body } = await answer;
    if (status !== 200) throw new Error(`demo epilogue: ${what} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  };
  const starter = await sql.plan.findUniqueOrThrow({ where: { slug: 'starter' } });
  const live = await sql.subscription.findMany({
    where: { status: 'active', cancelAtPeriodEnd: false, pendingChange: { equals: Prisma.DbNull }, billingCycle: 'monthly' },
    orderBy: { organization: { slug: 'asc' } },
    select: { id: true, planId: true },
  });
  const aboveStarter = live.filter((subscription) => subscription.planId !== starter.id);
  const downgrades = Math.max(0, 2 - (await sql.subscription.count({ where: { status: 'active', pendingChange: { not: Prisma.DbNull } } })));
  for (const { id } of aboveStarter.slice(0, downgrades)) {
    await expect(api.post(`${API}/subscriptions/${id}/change`, { plan_id: starter.id }), `the downgrade of ${id}`);
  }
  const rest = live.filter((subscription) => !aboveStarter.slice(0, downgrades).includes(subscription));
  const cancellations = Math.max(0, 2 - (await sql.subscription.count({ where: { status: 'active', cancelAtPeriodEnd: true } })));
  for (const { id } of rest.slice(0, cancellations)) {
    await expect(api.post(`${API}/subscriptions/${id}/cancel`, { at: 'period_end', reason: 'Moving to an in-house tool next quarter' }), `the cancellation of ${id}`);
  }
  if ((await sql.subscription.count({ where: { status: 'cancelled' } })) === 0) {
    const last = rest.at(-1)!;
    await expect(api.post(`${API}/subscriptions/${last.id}/cancel`, { at: 'now', reason: 'Closed the business' }), `the cancellation of ${last.id}`);
  }
  if ((await sql.invoice.count({ where: { status: 'void' } })) === 0) {
    const open = await sql.invoice.findFirst({ where: { status: 'open' }, orderBy: { number: 'asc' }, select: { id: true } });
    if (open) await expect(api.post(`${API}/invoices/${open.id}/void`, { reason: 'Issued by mistake: the customer had already cancelled' }), `voiding ${open.id}`);
  }
  await stuckXenditRefund(sql, now);
}

async function stuckXenditRefund(sql: Db, now: Date): Promise<void> {
  const invoice = await sql.invoice.findFirst({
    where: { status: 'paid', currency: 'IDR', payments: { some: { provider: 'xendit' } } },
    orderBy: { number: 'asc' },
    select: { id: true, total: true },
  });
  const superAdmin = await sql.user.findFirst({ where: { role: 'super_admin' }, orderBy: { createdAt: 'asc' } });
  if (!invoice || !superAdmin) throw new Error('demo epilogue: no Xendit-paid invoice (or no super-admin) for the stuck refund');
  simulateClockAt(new Date(now.getTime() - 45 * MINUTE));
  await reserveRefund(invoice.id, { reason: 'Duplicate charge reported by the customer (stuck at the provider)', amount: Math.round(invoice.total.toNumber() / 10) }, {
    type: 'user', id: superAdmin.id, label: superAdmin.email, role: superAdmin.role,
  });
}
