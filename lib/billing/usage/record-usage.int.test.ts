import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postUsage } from '@/app/api/v1/admin/billing/usage/route';
import { createRunSubscription } from '@/lib/billing/runs/billing-run-fixtures';
import { runBilling } from '@/lib/billing/runs/run-billing';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { getUsageSummary } from './get-usage-summary';
import { ZUsageResult } from './schemas';

let api: ReturnType<typeof apiAs>;
const post = (body: unknown) => api(postUsage, { method: 'POST', path: '/api/v1/admin/billing/usage', body });
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const total = async (organizationId: string) => (await db().usageEvent.aggregate({ where: { organizationId }, _sum: { messages: true } }))._sum.messages ?? 0;

async function subscribedOrganization() {
  // Started a month ago and billed once: its first period is closed, the current one open.
  const startedAt = new Date(Date.now() - 40 * 86_400_000);
  const subscription = await createRunSubscription({ startedAt });
  await runBilling({ trigger: 'cli', actor: 'system', at: new Date(startedAt.getTime() + 31 * 86_400_000) });
  return db().subscription.findUniqueOrThrow({ where: { id: subscription.id } });
}

describe('POST /usage', () => {
  beforeAll(async () => {
    api = apiAs((await credentialsFor('super_admin')).bearer);
  });

  it('records one event, and a resend is answered `duplicate` and counted once', async () => {
    const subscription = await subscribedOrganization();
    const event = { organization_id: subscription.organizationId, messages: 42, occurred_at: minutesFromNow(-1), event_id: `evt-${randomUUID()}` };
    const first = await post(event);
    expect(first.status).toBe(200);
    expect(ZUsageResult.parse(first.body)).toMatchObject({ accepted: 1, duplicates: 0, refused: 0, events: [{ index: 0, status: 'accepted', code: null }] });
    const again = await post(event);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 1, events: [{ status: 'duplicate' }] });
    expect(await total(subscription.organizationId)).toBe(42);
  });

  it('a batch says which events were accepted, duplicated or refused (an invoiced period: period_closed)', async () => {
    const subscription = await subscribedOrganization();
    const event = (over: object) => ({ organization_id: subscription.organizationId, messages: 5, occurred_at: minutesFromNow(-2), event_id: `evt-${randomUUID()}`, ...over });
    const repeated = event({});
    const closed = event({ occurred_at: new Date(subscription.currentPeriodStart.getTime() - 1).toISOString() });
    const result = await post({ events: [repeated, event({ messages: 7 }), repeated, closed] });
    expect(result.status).toBe(200);
    expect((result.body as { events: { status: string; code: string | null }[] }).events.map((e) => [e.status, e.code])).toEqual([
      ['accepted', null], ['accepted', null], ['duplicate', null], ['refused', 'period_closed'],
    ]);
    expect(await total(subscription.organizationId)).toBe(12);
    const alone = await post(closed);
    expect(alone.status).toBe(409);
    expect(alone.body).toMatchObject({ code: 'period_closed' });
  });

  it('bad events are 400 for the whole call, with each event\'s index in errors[].path', async () => {
    const subscription = await subscribedOrganization();
    const good = () => ({ organization_id: subscription.organizationId, messages: 1, occurred_at: minutesFromNow(0), event_id: `evt-${randomUUID()}` });
    const types = await post({ events: [good(), { ...good(), messages: -1 }, { ...good(), messages: 1.5 }] });
    expect(types.status).toBe(400);
    expect((types.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual(['events.1.messages', 'events.2.messages']);
    const rules = await post({ events: [good(), { ...good(), organization_id: randomUUID() }, { ...good(), occurred_at: minutesFromNow(6) }, { ...good(), occurred_at: minutesFromNow(4) }] });
    expect(rules.status).toBe(400);
    expect((rules.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual(['events.1.organization_id', 'events.2.occurred_at']);
    const single = await post({ ...good(), messages: -3 });
    expect((single.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual(['messages']);
    expect((await post({ events: Array.from({ length: 1_001 }, good) })).status).toBe(400);
    const polluted = await api(postUsage, { method: 'POST', path: '/api/v1/admin/billing/usage', rawBody: `{"__proto__":{"polluted":true},${JSON.stringify(good()).slice(1)}`, headers: { 'content-type': 'application/json' } });
    expect(polluted.status).toBe(400);
    expect(await total(subscription.organizationId)).toBe(0);
  });

  it('the same batch of 1,000 sent 10 times at once is counted once', async () => {
    const subscription = await subscribedOrganization();
    const events = Array.from({ length: 1_000 }, (_, index) => ({ organization_id: subscription.organizationId, messages: index % 7, occurred_at: minutesFromNow(-3), event_id: `par-${index}` }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ events })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const accepted = answers.reduce((sum, answer) => sum + (answer.body as { accepted: number }).accepted, 0);
    const duplicates = answers.reduce((sum, answer) => sum + (answer.body as { duplicates: number }).duplicates, 0);
    expect(accepted).toBe(1_000);
    expect(duplicates).toBe(9_000);
    expect(await db().usageEvent.count({ where: { organizationId: subscription.organizationId } })).toBe(1_000);
    expect(await total(subscription.organizationId)).toBe(events.reduce((sum, event) => sum + event.messages, 0));
  });

  it('the usage summary projects the overage; the billing run bills it and closes the period', async () => {
    // The run below bills up to 2041: the other tests' subscriptions are not its business.
    await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
    const startedAt = new Date(Date.UTC(2041, 0, 1));
    const subscription = await createRunSubscription({ startedAt });
    await db().usageEvent.create({ data: { organizationId: subscription.organizationId, eventId: 'before', messages: 1_300, occurredAt: new Date(Date.UTC(2041, 0, 20)), receivedAt: startedAt } });
    const summary = await getUsageSummary({ organizationId: subscription.organizationId, at: new Date(Date.UTC(2041, 0, 16, 12)) });
    // Half of January gone (15.5 of 31 days), 1,300 used: 2,600 projected, 1,600 beyond the 1,000 included, Rp 100 each.
    expect(summary).toMatchObject({ messages_used: 1_300, messages_included: 1_000, overage_messages: 300, projected_messages: 2_600, projected_overage_messages: 1_600, projected_overage_amount: 160_000, currency: 'IDR' });
    // Less than a day into the period there is no pace to extrapolate yet: the projection is what is used.
    const early = await getUsageSummary({ organizationId: subscription.organizationId, at: new Date(Date.UTC(2041, 0, 1, 20)) });
    expect(early).toMatchObject({ messages_used: 1_300, projected_messages: 1_300, projected_overage_messages: 300, projected_overage_amount: 30_000 });
    await runBilling({ trigger: 'cli', actor: 'system', at: new Date(Date.UTC(2041, 1, 1)) });
    const [invoice] = await db().invoice.findMany({ where: { subscriptionId: subscription.id }, include: { lines: true } });
    expect(invoice!.lines.find((line) => line.kind === 'overage')).toMatchObject({ quantity: 300 });
    const late = await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(late.usageBilledUntil).toEqual(new Date(Date.UTC(2041, 1, 1)));
    const next = await getUsageSummary({ subscriptionId: subscription.id, at: new Date(Date.UTC(2041, 1, 2)) });
    expect(next).toMatchObject({ period_start: '2041-02-01T00:00:00.000Z', period_end: '2041-03-01T00:00:00.000Z', messages_used: 0 });
  });
});
