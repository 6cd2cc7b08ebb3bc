import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { startBillingInterval } from './start-billing-interval';

describe('the in-process billing run (BILLING_RUN_INTERVAL)', () => {
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it('is off by default: nothing is scheduled', () => {
    expect(startBillingInterval()).toBeNull();
  });

  it('runs on its interval, one run after the other, recorded as `interval` runs', async () => {
    stop = startBillingInterval({ intervalMs: 300 });
    const deadline = Date.now() + 30_000;
    while ((await db().billingRun.count({ where: { trigger: 'interval', status: 'succeeded' } })) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    stop!();
    const runs = await db().billingRun.findMany({ where: { trigger: 'interval' }, orderBy: { startedAt: 'asc' } });
    expect(runs.filter((run) => run.status === 'succeeded').length).toBeGreaterThanOrEqual(2);
    // Never overlapping in one process: each starts after the previous one finished.
    for (let index = 1; index < runs.length; index++) expect(runs[index]!.startedAt.getTime()).toBeGreaterThanOrEqual(runs[index - 1]!.finishedAt!.getTime());
  });
});
