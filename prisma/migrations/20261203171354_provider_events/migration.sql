-- Inbound provider webhooks (SPEC §12): stored first, applied once, duplicates harmless.
-- CreateEnum
CREATE TYPE "ProviderEventState" AS ENUM ('received', 'applied', 'ignored', 'unmatched', 'failed');

-- CreateTable
CREATE TABLE "provider_events" (
    "id" UUID NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "event_key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "object_id" TEXT,
    "payload" JSONB NOT NULL,
    "state" "ProviderEventState" NOT NULL DEFAULT 'received',
    "detail" TEXT,
    "refund_id" UUID,
    "invoice_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "provider_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "provider_events_received_at_idx" ON "provider_events"("received_at" DESC);

-- CreateIndex
CREATE INDEX "provider_events_state_received_at_idx" ON "provider_events"("state", "received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "provider_events_provider_event_key_key" ON "provider_events"("provider", "event_key");
