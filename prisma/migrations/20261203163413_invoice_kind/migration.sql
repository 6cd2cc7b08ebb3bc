-- Invoice kind (SPEC §10–§11): subscription period, annual usage (overage) or mid-period proration.
-- Existing invoices are all subscription-period invoices.
-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('subscription', 'usage', 'proration');

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "kind" "InvoiceKind" NOT NULL DEFAULT 'subscription';
