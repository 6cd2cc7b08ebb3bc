import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createRunPlan, createRunSubscription, reportUsage } from './billing-run-fixtures';
import { runBilling } from './run-billing';

const DAY = 86_400_000;
let year = 2050;

/** Random monthly subscriptions started in December, each with random agents and usage. */
const subscriptionsArbitrary = fc.array(
  fc.record({
    // From Dec 1 01:00 to Dec 31 23:00: twelve anchored boundaries fall inside the next year, the thirteenth after its end.
    startOffsetHours: fc.integer({ min: 1, max: 31 * 24 - 1 }),
    agents: fc.integer({ min: 1, max: 5 }),
    usage: fc.array(fc.record({ dayOfYear: fc.integer({ min: 0, max: 364 }), messages: fc.integer({ min: 0, max: 1_500 }) }), { maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 6 },
);
/** One run somewhere in each month Feb…Dec (hours into the month); the twelfth at Jan 1 00:00 of the year after. */
const runTimesArbitrary = fc.array(fc.integer({ min: 0, max: 27 * 24 }), { minLength: 11, maxLength: 11 });

describe('a year of monthly billing runs (property)', () => {
  it('issues exactly 12 invoices per monthly subscription, periods back to back with no gap or overlap, numbers gap-free per month', async () => {
    await fc.assert(
      fc.asyncProperty(subscriptionsArbitrary, runTimesArbitrary, async (specs, runHours) => {
        const y = ++year;
        await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
        const plan = await createRunPlan();
        const subscriptions = [];
        for (const spec of specs) {
          const startedAt = new Date(Date.UTC(y - 1, 11, 1) + spec.startOffsetHours * 3_600_000);
          const subscription = await createRunSubscription({ startedAt, planId: plan.id, agentCount: spec.agents });
          for (const usage of spec.usage) await reportUsage(subscription.organizationId, usage.messages, new Date(Date.UTC(y, 0, 1) + usage.dayOfYear * DAY));
          subscriptions.push(subscription);
        }
        const runs = [...runHours.map((hours, month) => new Date(Date.UTC(y, month + 1, 1) + hours * 3_600_000)), new Date(Date.UTC(y + 1, 0, 1))];
        for (const at of runs) {
          const run = await runBilling({ trigger: 'cli', actor: 'system', at });
          expect(run.failed).toBe(0);
        }

        for (const subscription of subscriptions) {
          const invoices = await db().invoice.findMany({ where: { subscriptionId: subscription.id }, orderBy: { periodStart: 'asc' } });
          expect(invoices).toHaveLength(12);
          expect(invoices.every((invoice) => invoice.kind === 'subscription')).toBe(true);
          expect(invoices[0]!.periodStart).toEqual(subscription.currentPeriodEnd);
          for (let index = 1; index < invoices.length; index++) expect(invoices[index]!.periodStart).toEqual(invoices[index - 1]!.periodEnd);
          const after = await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } });
          expect(after.currentPeriodStart).toEqual(invoices.at(-1)!.periodStart);
          expect(after.currentPeriodEnd).toEqual(invoices.at(-1)!.periodEnd);
        }
        const numbers = await db().invoice.findMany({ where: { number: { startsWith: `INV-${y}` } }, select: { number: true } });
        const byMonth = new Map<string, number[]>();
        for (const { number } of numbers) byMonth.set(number.slice(0, 10), [...(byMonth.get(number.slice(0, 10)) ?? []), Number(number.slice(-6))]);
        for (const sequence of byMonth.values()) expect(sequence.sort((a, b) => a - b)).toEqual(Array.from({ length: sequence.length }, (_, index) => index + 1));
      }),
      { numRuns: Number(process.env.BILLING_PROPERTY_RUNS ?? 6) },
    );
  }, 600_000);
});
