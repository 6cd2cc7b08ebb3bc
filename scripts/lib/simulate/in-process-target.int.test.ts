import { describe, expect, it } from 'vitest';
import { clockOffsetMs, nowMs } from '@/lib/clock';
import { db } from '@/lib/db';
import { openInProcessTarget } from './in-process-target';
import { runSimulation } from './run-simulation';

/**
 * The simulated business without a server (what the demo seed runs): the same scenario through
 * the route handlers in-process, its months ending now, every invariant held after each month —
 * and afterwards the real clock back, nothing stored about the clock, the driver's key revoked.
 */
describe('the simulation in-process (the demo seed\'s driver)', () => {
  it('runs months that end now through the route handlers, with every invariant held, and leaves the clock as it found it', async () => {
    const endsAt = new Date(nowMs());
    const target = await openInProcessTarget(db());
    let result: Awaited<ReturnType<typeof runSimulation>>;
    try {
      result = await runSimulation(target, { tenants: 12, months: 3, seed: 5, concurrency: 4, progress: false, endsAt });
    } finally {
      await target.close();
    }
    expect(result.failures).toEqual([]);
    // Its months end at `endsAt`: the first starts on the 1st two months before it.
    expect(result.endsAt).toBe(endsAt.toISOString());
    expect(new Date(result.startsAt).getUTCDate()).toBe(1);
    expect(result.counts['subscribed monthly']).toBeGreaterThan(0);
    expect((result.counts['paid by xendit'] ?? 0) + (result.counts['paid by stripe'] ?? 0)).toBeGreaterThan(0);
    expect(result.counts['paid by bank transfer']).toBeGreaterThan(0);
    // Invoices since each subscription started, the earliest in the first simulated month.
    const [first] = await db().$queryRaw<{ first: Date }[]>`SELECT min(period_start) AS first FROM invoices`;
    expect(first!.first.getTime()).toBeLessThan(new Date(result.startsAt).getTime() + 31 * 86_400_000);
    // Payments by providers carry their ids; no provider was called: every refund is manual.
    expect(await db().payment.count({ where: { provider: { in: ['xendit', 'stripe'] }, providerPaymentId: null } })).toBe(0);
    expect(await db().refund.count({ where: { provider: { not: 'manual' } } })).toBe(0);
    expect(clockOffsetMs()).toBe(0);
    expect(await db().$queryRaw<unknown[]>`SELECT 1 FROM test_clock`).toEqual([]);
    expect(await db().apiKey.count({ where: { revokedAt: null } })).toBe(0);
  }, 240_000);
});
