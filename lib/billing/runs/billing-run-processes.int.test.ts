import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createRunPlan, createSubscriptionsInBulk } from './billing-run-fixtures';
import { getBillingRunOrThrow } from './get-billing-run-or-throw';
import { RUN_LEASE_MS } from './run-lease';

/**
 * `npm run billing:run` as real processes against the test's PostgreSQL: killed halfway and run
 * again, and two at once. Each subscription must end up with exactly one invoice for its next
 * period, and the month's numbers must run 1…N without a gap.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');

function startCli(batchSize: number): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/billing-run.ts', '--batch-size', String(batchSize)], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { child, done };
}

async function expectEachInvoicedOnce(ids: string[], monthPrefix: string) {
  const invoices = await db().invoice.findMany({ where: { subscriptionId: { in: ids } }, select: { subscriptionId: true, number: true, periodStart: true } });
  expect(invoices).toHaveLength(ids.length);
  expect(new Set(invoices.map((invoice) => invoice.subscriptionId)).size).toBe(ids.length);
  const numbers = invoices.map((invoice) => invoice.number).filter((number) => number.startsWith(monthPrefix)).map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: ids.length }, (_, index) => index + 1));
}

const invoicesOf = (ids: string[]) => db().invoice.count({ where: { subscriptionId: { in: ids } } });

describe('billing runs as processes', () => {
  beforeEach(async () => {
    await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
  });

  it('a run killed halfway (SIGKILL) shows as abandoned once its lease lapses; the next run records it so and issues each missing invoice once, and nothing twice', async () => {
    const plan = await createRunPlan();
    // Started on the 1st of last month: the first period has ended, so each subscription is due once now.
    const startedAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
    const ids = await createSubscriptionsInBulk({ count: 2_000, planId: plan.id, startedAt });
    const first = startCli(10);
    // Killed once some batches have committed and many have not.
    for (let count = 0; count < 200; count = await invoicesOf(ids)) await new Promise((resolve) => setTimeout(resolve, 25));
    first.child.kill('SIGKILL');
    await first.done;
    const afterCrash = await invoicesOf(ids);
    expect(afterCrash).toBeGreaterThanOrEqual(200);
    expect(afterCrash).toBeLessThan(ids.length);
    const killed = await db().billingRun.findFirstOrThrow({ orderBy: { startedAt: 'asc' } });
    expect(killed).toMatchObject({ status: 'running', finishedAt: null });
    // What it committed, it counted in the same transactions.
    expect(killed.issued).toBe(afterCrash);
    // Within its lease it is still shown running (it may only be slow)…
    expect(await getBillingRunOrThrow(killed.id)).toMatchObject({ status: 'running', finished_at: null });
    // …and a lease later (its last heartbeat moved back by a lease: the dead process renews nothing) it is abandoned.
    await db().$executeRaw`UPDATE billing_runs SET heartbeat_at = heartbeat_at - ${RUN_LEASE_MS + 1_000} * interval '1 millisecond' WHERE id = ${killed.id}::uuid`;
    const lapsed = await db().billingRun.findUniqueOrThrow({ where: { id: killed.id } });
    expect(await getBillingRunOrThrow(killed.id)).toMatchObject({ status: 'abandoned', finished_at: null, heartbeat_at: lapsed.heartbeatAt.toISOString(), issued: afterCrash });

    const second = await startCli(100).done;
    expect(second.code, second.output).toBe(0);
    const rerun = JSON.parse(second.output.trim().split('\n').at(-1)!).billing_run;
    // One renewal per subscription: exactly the ones the killed run had not committed.
    expect(rerun).toMatchObject({ status: 'succeeded', issued: ids.length - afterCrash, failed: 0 });
    expect(second.output).toMatch(/billing run [0-9a-f-]{36} succeeded: issued \d+/);
    // The second run recorded the first as abandoned, finished at its last sign of life.
    expect(await db().billingRun.findUniqueOrThrow({ where: { id: killed.id } })).toMatchObject({ status: 'abandoned', finishedAt: lapsed.heartbeatAt, issued: afterCrash });
    await expectEachInvoicedOnce(ids, `INV-${new Date().toISOString().slice(0, 7).replace('-', '')}-`);
  }, 180_000);

  it('two runs started together (two processes) issue each invoice once between them', async () => {
    const plan = await createRunPlan();
    const startedAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
    const ids = await createSubscriptionsInBulk({ count: 1_500, planId: plan.id, startedAt });
    const before = await db().invoice.count({ where: { number: { startsWith: `INV-${new Date().toISOString().slice(0, 7).replace('-', '')}-` } } });
    const [a, b] = await Promise.all([startCli(25).done, startCli(25).done]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const runs = [a, b].map((result) => JSON.parse(result.output.trim().split('\n').at(-1)!).billing_run);
    expect(runs[0].issued + runs[1].issued).toBe(ids.length);
    expect(runs.every((run) => run.issued > 0), 'both runs took a share of the work').toBe(true);
    expect(await invoicesOf(ids)).toBe(ids.length);
    const numbers = (await db().invoice.findMany({ where: { number: { startsWith: `INV-${new Date().toISOString().slice(0, 7).replace('-', '')}-` } }, select: { number: true } }))
      .map((invoice) => Number(invoice.number.slice(-6))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: before + ids.length }, (_, index) => index + 1));
  }, 180_000);
});
