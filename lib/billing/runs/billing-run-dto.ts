import type { BillingRun } from '@/lib/generated/prisma/client';
import { effectiveRunStatus } from './run-lease';
import { ZBillingRunFailure, type TBillingRun } from './schemas';

export function billingRunToDto(run: BillingRun): TBillingRun {
  return {
    id: run.id, trigger: run.trigger, status: effectiveRunStatus(run),
    as_of: run.asOf.toISOString(), started_at: run.startedAt.toISOString(), finished_at: run.finishedAt?.toISOString() ?? null,
    heartbeat_at: run.heartbeatAt.toISOString(),
    started_by: run.startedBy,
    issued: run.issued, renewed: run.renewed, ended: run.ended, skipped: run.skipped, failed: run.failed,
    failures: ZBillingRunFailure.array().parse(run.failures),
  };
}
