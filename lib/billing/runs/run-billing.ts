import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { db, type Db, type Tx } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import type { BillingRunTrigger } from '@/lib/generated/prisma/enums';
import { logger } from '@/lib/log';
import { applyPeriodBoundary, type TBoundaryPolicy } from './apply-period-boundary';
import { billSubscriptions, type TBatchOutcome } from './bill-subscriptions';
import { billingRunToDto } from './billing-run-dto';
import { claimDueSubscriptions, FIRST_CURSOR } from './claim-due-subscriptions';
import { abandonStaleRuns, startHeartbeat } from './run-lease';
import type { TBillingRun } from './schemas';

export interface TRunBillingOptions {
  trigger: BillingRunTrigger;
  /** Who started it: an admin or API key, or the system (CLI, interval). */
  actor: TActor | 'system';
  /** Bill everything due up to this instant (default now()). */
  at?: Date;
  batchSize?: number;
  /** Batches billed at once, each in its own transaction and connection (default 2). */
  concurrency?: number;
  /** Called after every batch with the run's totals so far (the CLI prints them). */
  onProgress?: (run: TBillingRun) => void;
  /** What a period end does to a subscription (default applyPeriodBoundary; tests pass their own). */
  boundary?: TBoundaryPolicy;
  client?: Db;
}

export const DEFAULT_BATCH_SIZE = 500;
/**
 * Two batches in flight: one computes (coupons, prices, the engine) while the other writes. They
 * overlap until the month's invoice-number counter, which each holds from its numbers to its commit.
 */
export const DEFAULT_CONCURRENCY = 2;
const MAX_RECORDED_FAILURES = 100;
const BATCH_TIMEOUT_MS = 120_000;

interface TFailure {
  subscription_id: string;
  code: string;
  reason: string;
}

/**
 * The billing run (SPEC §11, docs/BILLING.md "The billing run"): every subscription with a billing
 * step due at `at` gets it — its renewal and that period's invoice, an annual month's usage
 * invoice, or its end — in batches of `batchSize`, each batch one transaction
 * (billSubscriptions). Passes over the subscriptions repeat until one advances nothing, so a
 * subscription several steps behind catches up in one run. Safe to run twice at once or after a
 * crash: batches lock what they bill (SKIP LOCKED) and re-read it, and the unique index on invoices
 * stops any second invoice of a period.
 *
 * A run holds a lease it renews (run-lease.ts): one whose process died shows as `abandoned` once
 * its heartbeat is a lease old, and the next run records it so before billing what it left.
 *
 * Batches run `concurrency` at a time. A batch that fails is rolled back whole and its subscriptions are billed one by one, so one bad
 * subscription (a plan in a currency nobody prices, a period already invoiced) fails alone: it is
 * counted, kept with its reason in the run's `failures`, and left for the next run.
 */
export async function runBilling(options: TRunBillingOptions): Promise<TBillingRun> {
  const client = options.client ?? db();
  const at = options.at ?? now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const boundary = options.boundary ?? applyPeriodBoundary;
  const startedBy = options.actor === 'system' ? 'system' : options.actor.label;
  await abandonStaleRuns(client);
  const startedAt = now();
  const run = await client.billingRun.create({ data: { trigger: options.trigger, status: 'running', asOf: at, startedAt, heartbeatAt: startedAt, startedBy } });
  const stopHeartbeat = startHeartbeat(client, run.id);
  const failures: TFailure[] = [];
  const failedIds = new Set<string>();
  let skipped = 0;

  // Counted in the batch's own transaction: the counts of a run killed halfway are what it committed.
  const record = (handle: Db | Tx, outcome: TBatchOutcome, failed: TFailure[], skippedNow: number) =>
    handle.billingRun.update({
      where: { id: run.id },
      data: {
        issued: { increment: outcome.issued }, renewed: { increment: outcome.renewed }, ended: { increment: outcome.ended },
        failed: { increment: failed.length }, skipped: { increment: skippedNow }, heartbeatAt: now(),
        ...(failed.length > 0 ? { failures: [...failures, ...failed].slice(0, MAX_RECORDED_FAILURES) as object[] } : {}),
      },
    });

  // One batch: claimed after the shared cursor (SKIP LOCKED passes over what another worker holds).
  let cursor = FIRST_CURSOR;
  let advanced = 0;
  const billNextBatch = async (): Promise<boolean> => {
    let claimed: string[] = [];
    try {
      const outcome = await client.$transaction(async (tx) => {
        const subscriptions = await claimDueSubscriptions(tx, { at, cursor, limit: batchSize, exclude: [...failedIds] });
        claimed = subscriptions.map((subscription) => subscription.id);
        if (claimed.length > 0 && claimed.at(-1)! > cursor) cursor = claimed.at(-1)!;
        const billed = await billSubscriptions(tx, subscriptions, at, boundary);
        await record(tx, billed, [], 0);
        return billed;
      }, { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS });
      advanced += outcome.advanced;
    } catch (error) {
      if (claimed.length === 0) throw error; // the claim itself failed: the database, not a subscription
      const oneByOne = await billOneByOne(client, claimed, at, boundary);
      advanced += oneByOne.outcome.advanced;
      for (const failure of oneByOne.failures) failedIds.add(failure.subscription_id);
      skipped += oneByOne.skipped;
      await record(client, oneByOne.outcome, oneByOne.failures, oneByOne.skipped);
      failures.push(...oneByOne.failures);
    }
    if (claimed.length > 0 && options.onProgress) options.onProgress(billingRunToDto(await client.billingRun.findUniqueOrThrow({ where: { id: run.id } })));
    return claimed.length > 0;
  };

  try {
    for (;;) {
      // A pass: `concurrency` workers take batches until one finds nothing left after the cursor.
      cursor = FIRST_CURSOR;
      advanced = 0;
      let exhausted = false;
      const worker = async () => {
        while (!exhausted) if (!(await billNextBatch())) exhausted = true;
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      if (advanced === 0) break;
    }
    const finishedAt = now();
    const finished = await client.billingRun.update({ where: { id: run.id }, data: { status: 'succeeded', finishedAt, heartbeatAt: finishedAt } });
    logger().info({ billingRunId: run.id, issued: finished.issued, renewed: finished.renewed, ended: finished.ended, skipped, failed: finished.failed }, 'billing run finished');
    return billingRunToDto(finished);
  } catch (error) {
    const finishedAt = now();
    await client.billingRun.update({ where: { id: run.id }, data: { status: 'failed', finishedAt, heartbeatAt: finishedAt } }).catch(() => undefined);
    throw error;
  } finally {
    stopHeartbeat();
  }
}

/** A failed batch's subscriptions, each in its own transaction: the good ones are billed, the bad one fails alone. */
async function billOneByOne(client: Db, ids: readonly string[], at: Date, boundary: TBoundaryPolicy) {
  const outcome: TBatchOutcome = { issued: 0, renewed: 0, ended: 0, advanced: 0 };
  const failures: TFailure[] = [];
  let skipped = 0;
  for (const id of ids) {
    try {
      const billed = await client.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM subscriptions WHERE id = ${id}::uuid FOR UPDATE SKIP LOCKED`;
        if (locked.length === 0) return null; // taken by another run meanwhile
        return billSubscriptions(tx, await tx.subscription.findMany({ where: { id } }), at, boundary);
      }, { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS });
      if (!billed) skipped++;
      else for (const key of Object.keys(outcome) as (keyof TBatchOutcome)[]) outcome[key] += billed[key];
    } catch (error) {
      // period_already_invoiced too: an invoice nobody expected holds the period (never a second one).
      const code = error instanceof BillingError ? error.code : error instanceof RangeError ? 'invalid_billing_data' : 'billing_failed';
      failures.push({ subscription_id: id, code, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { outcome, failures, skipped };
}
