import { beforeEach, describe, expect, it } from 'vitest';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { createRunPlan, createSubscriptionsInBulk } from './billing-run-fixtures';
import { listBillingRuns } from './list-billing-runs';
import { runBilling } from './run-billing';
import { RUN_LEASE_MS } from './run-lease';
import type { TBillingRun } from './schemas';

const d = (iso: string) => new Date(iso);

/** A run row as a process that is still going (or was killed) leaves it, its last heartbeat `ageMs` ago. */
const runningRow = (ageMs: number) => {
  const heartbeatAt = new Date(now().getTime() - ageMs);
  return db().billingRun.create({ data: { trigger: 'cli', status: 'running', asOf: heartbeatAt, startedAt: new Date(heartbeatAt.getTime() - 5_000), heartbeatAt, startedBy: 'system', issued: 7 } });
};

describe('billing run leases', () => {
  beforeEach(async () => {
    await db().subscription.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
  });

  it('the next run records a run whose lease lapsed as abandoned (finished at its last heartbeat) and leaves a live one running', async () => {
    const live = await runningRow(5_000);
    const dead = await runningRow(RUN_LEASE_MS + 5_000);
    const listed = async () => new Map((await listBillingRuns({ limit: 100 })).data.map((run) => [run.id, run]));
    // Shown abandoned before any run recorded it.
    expect((await listed()).get(dead.id)).toMatchObject({ status: 'abandoned', finished_at: null, issued: 7 });
    expect((await listed()).get(live.id)).toMatchObject({ status: 'running', finished_at: null });

    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2032-01-01T00:00:00Z') });

    expect(run.status).toBe('succeeded');
    expect(await db().billingRun.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: 'abandoned', finishedAt: dead.heartbeatAt, issued: 7 });
    expect(await db().billingRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: 'running', finishedAt: null, heartbeatAt: live.heartbeatAt });
    await db().billingRun.update({ where: { id: live.id }, data: { status: 'succeeded', finishedAt: now() } });
  });

  it('a run renews its heartbeat with every batch and ends with it at its finish', async () => {
    const plan = await createRunPlan();
    await createSubscriptionsInBulk({ count: 30, planId: plan.id, startedAt: d('2032-02-01T00:00:00Z') });
    const progress: TBillingRun[] = [];
    const run = await runBilling({ trigger: 'cli', actor: 'system', at: d('2032-03-01T00:00:00Z'), batchSize: 10, concurrency: 1, onProgress: (p) => progress.push(p) });

    expect(run).toMatchObject({ status: 'succeeded', issued: 30 });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const beats = progress.map((p) => Date.parse(p.heartbeat_at));
    expect(beats[0]).toBeGreaterThanOrEqual(Date.parse(run.started_at));
    for (let i = 1; i < beats.length; i++) expect(beats[i]).toBeGreaterThanOrEqual(beats[i - 1]!);
    expect(progress.every((p) => p.status === 'running' && p.finished_at === null)).toBe(true);
    expect(run.heartbeat_at).toBe(run.finished_at);
  });
});
