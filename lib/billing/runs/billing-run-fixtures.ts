import { randomUUID } from 'node:crypto';
import { addMonthsClamped } from '@/lib/billing/periods/billing-period';
import { db } from '@/lib/db';

let sequence = 0;

export interface TRunFixtureOptions {
  cycle?: 'monthly' | 'annual';
  startedAt: Date;
  /** The current period; default: the first period from startedAt (a month or a year). */
  periodEnd?: Date;
  agentCount?: number;
  currency?: string;
  planId?: string;
}

/** A plan (Rp 100.000/month, 2 agents and 1,000 messages included, Rp 10.000 per extra agent, Rp 100 per extra message). */
export async function createRunPlan(currency = 'IDR') {
  const tag = `${Date.now().toString(36)}-${++sequence}-${randomUUID().slice(0, 6)}`;
  return db().plan.create({
    data: {
      name: `Run plan ${tag}`, slug: `run-plan-${tag}`, currency, basePriceMonthly: '100000', basePriceAnnual: '1000000', perAgentPrice: '10000', overageMessagePrice: '100',
      limits: { max_agents: 2, max_contacts: null, max_messages_month: 1000, max_channels: null, max_ai_agents: null },
      features: { ai_agent: false, api_access: false, dedicated_support: false },
    },
  });
}

/** An organization subscribed from `startedAt`, its current period the first one (used by the billing-run tests and the bench). */
export async function createRunSubscription(options: TRunFixtureOptions) {
  const cycle = options.cycle ?? 'monthly';
  const planId = options.planId ?? (await createRunPlan(options.currency)).id;
  const tag = `${Date.now().toString(36)}-${++sequence}-${randomUUID().slice(0, 6)}`;
  const organization = await db().organization.create({ data: { name: `Run org ${tag}`, slug: `run-org-${tag}`, billingEmail: `billing@${tag}.test`, country: 'ID' } });
  const end = options.periodEnd ?? addMonthsClamped(options.startedAt, cycle === 'annual' ? 12 : 1);
  return db().subscription.create({
    data: {
      organizationId: organization.id, planId, billingCycle: cycle, currency: options.currency ?? 'IDR', agentCount: options.agentCount ?? 2,
      startedAt: options.startedAt, currentPeriodStart: options.startedAt, currentPeriodEnd: end, createdAt: options.startedAt,
    },
  });
}

export async function reportUsage(organizationId: string, messages: number, occurredAt: Date) {
  await db().usageEvent.create({ data: { organizationId, eventId: randomUUID(), messages, occurredAt, receivedAt: occurredAt } });
}

/**
 * `count` organizations, each with a subscription to `planId` started at `startedAt` (its first
 * period current), in two statements: for the process tests and the bench, where thousands are
 * needed. Returns the subscription ids.
 */
export async function createSubscriptionsInBulk(options: { count: number; planId: string; startedAt: Date; cycle?: 'monthly' | 'annual'; tag?: string }): Promise<string[]> {
  const tag = options.tag ?? randomUUID().slice(0, 8);
  const end = addMonthsClamped(options.startedAt, options.cycle === 'annual' ? 12 : 1);
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH orgs AS (
      INSERT INTO organizations (id, name, slug, billing_email, country, created_at, updated_at)
      SELECT gen_random_uuid(), 'Bulk org ' || ${tag}::text || '-' || n, 'bulk-' || ${tag}::text || '-' || n, 'billing-' || n || '@bulk.test', 'ID', ${options.startedAt}, ${options.startedAt}
        FROM generate_series(1, ${options.count}::int) AS n
      RETURNING id)
    INSERT INTO subscriptions (id, organization_id, plan_id, status, billing_cycle, currency, agent_count, started_at, current_period_start, current_period_end, created_at, updated_at)
    SELECT gen_random_uuid(), orgs.id, ${options.planId}::uuid, 'active', ${options.cycle ?? 'monthly'}::"BillingCycle", 'IDR', 3, ${options.startedAt}, ${options.startedAt}, ${end}, ${options.startedAt}, ${options.startedAt}
      FROM orgs
    RETURNING id`;
  return rows.map((row) => row.id);
}
