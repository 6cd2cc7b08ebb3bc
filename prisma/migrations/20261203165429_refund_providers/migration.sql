-- Refunds through payment providers (SPEC §12): where each refund goes (existing ones: manual),
-- how a manual one went back, when it settled, a return after success, the reconciler's last
-- check, and the Idempotency-Key claim of the request that made it.
-- AlterTable
ALTER TABLE "refunds" ADD COLUMN     "checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "idempotency_record_id" UUID,
ADD COLUMN     "method" TEXT,
ADD COLUMN     "payment_id" UUID,
ADD COLUMN     "provider" "PaymentProvider" NOT NULL DEFAULT 'manual',
ADD COLUMN     "reference" TEXT,
ADD COLUMN     "returned_at" TIMESTAMPTZ(3),
ADD COLUMN     "settled_at" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the reconciler's scan of pending refunds, oldest first.
CREATE INDEX "refunds_pending_idx" ON "refunds"("created_at") WHERE "status" = 'pending';

-- Hand-written: a manual refund's method is one of the payment methods (SPEC §11).
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_method_check"
  CHECK ("method" IS NULL OR "method" IN ('bank_transfer', 'virtual_account', 'card', 'ewallet', 'qris', 'other'));

-- Existing final refunds settled when they were made.
UPDATE "refunds" SET "settled_at" = "created_at" WHERE "status" <> 'pending';

-- Hand-written: an Idempotency-Key claim is never released or taken over while a refund made
-- under it is pending (lib/http/idempotency.ts).
CREATE INDEX "refunds_pending_claim_idx" ON "refunds"("idempotency_record_id") WHERE "status" = 'pending' AND "idempotency_record_id" IS NOT NULL;
