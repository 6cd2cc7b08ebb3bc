-- CreateEnum
CREATE TYPE "BillingRunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "BillingRunTrigger" AS ENUM ('cli', 'api', 'interval');

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "usage_billed_until" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "invoice_number_counters" (
    "month" VARCHAR(6) NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "invoice_number_counters_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "billing_runs" (
    "id" UUID NOT NULL,
    "trigger" "BillingRunTrigger" NOT NULL,
    "status" "BillingRunStatus" NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "issued" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "renewed" INTEGER NOT NULL DEFAULT 0,
    "ended" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "started_by" TEXT NOT NULL,

    CONSTRAINT "billing_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "messages" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "billing_runs_started_at_id_idx" ON "billing_runs"("started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "usage_events_organization_id_occurred_at_idx" ON "usage_events"("organization_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "usage_events_organization_id_event_id_key" ON "usage_events"("organization_id", "event_id");

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these) --------------------------------------------------

-- Invoice numbers: one counter per month of issue instead of the global invoice_number_seq
-- (lib/billing/invoices/insert-invoices.ts), so each month's numbers are gap-free. Existing
-- numbers stay valid: the app's six-digit numbers continue after the highest one of their month
-- (the demo seed's four-digit numbers, INV-YYYYMM-NNNN, cannot collide with six-digit ones).
INSERT INTO "invoice_number_counters" ("month", "last_number")
SELECT substring("number" FROM 5 FOR 6), max(substring("number" FROM 12)::int)
FROM "invoices"
WHERE "number" ~ '^INV-[0-9]{6}-[0-9]{6}$'
GROUP BY 1;
DROP SEQUENCE IF EXISTS "invoice_number_seq";

-- Exactly one invoice per (subscription, kind, period) among invoices that are not void: the
-- billing run and issueInvoice insert ON CONFLICT DO NOTHING against it. A voided period invoice
-- may be issued again.
CREATE UNIQUE INDEX "invoices_subscription_kind_period_key" ON "invoices" ("subscription_id", "kind", "period_start") WHERE "status" <> 'void';

ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_messages_check" CHECK ("messages" >= 0);
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_event_id_check" CHECK (char_length("event_id") BETWEEN 1 AND 255);
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_counts_check" CHECK ("issued" >= 0 AND "skipped" >= 0 AND "failed" >= 0 AND "renewed" >= 0 AND "ended" >= 0);
