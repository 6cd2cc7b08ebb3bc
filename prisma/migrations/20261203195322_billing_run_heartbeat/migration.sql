-- AlterEnum
ALTER TYPE "BillingRunStatus" ADD VALUE 'abandoned';

-- AlterTable (hand-edited: runs recorded before the heartbeat take their last sign of life, the
-- finish or the start, then the column becomes required)
ALTER TABLE "billing_runs" ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3);
UPDATE "billing_runs" SET "heartbeat_at" = COALESCE("finished_at", "started_at");
ALTER TABLE "billing_runs" ALTER COLUMN "heartbeat_at" SET NOT NULL;

-- CreateIndex
CREATE INDEX "billing_runs_status_heartbeat_at_idx" ON "billing_runs"("status", "heartbeat_at");
