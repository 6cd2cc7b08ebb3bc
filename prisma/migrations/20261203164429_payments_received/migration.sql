-- Payments received (SPEC §11–§12): who took the money (existing rows: recorded by hand, `manual`),
-- the provider's payment id (refunds name it), and the operator's reference (a bank transfer's
-- number), unique per method so one transfer is never recorded twice.
-- CreateEnum
CREATE TYPE "PaymentProvider" AS ENUM ('manual', 'xendit', 'stripe');

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "provider" "PaymentProvider" NOT NULL DEFAULT 'manual',
ADD COLUMN     "provider_payment_id" TEXT,
ADD COLUMN     "reference" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "payments_method_reference_key" ON "payments"("method", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "payments_provider_provider_payment_id_key" ON "payments"("provider", "provider_payment_id");

-- Hand-written: the methods SPEC §11 names (the demo's `credit_card` is `card`).
UPDATE "payments" SET "method" = 'card' WHERE "method" = 'credit_card';
UPDATE "payments" SET "method" = 'other' WHERE "method" NOT IN ('bank_transfer', 'virtual_account', 'card', 'ewallet', 'qris', 'other');
ALTER TABLE "payments" ADD CONSTRAINT "payments_method_check"
  CHECK ("method" IN ('bank_transfer', 'virtual_account', 'card', 'ewallet', 'qris', 'other'));
