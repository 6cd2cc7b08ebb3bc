-- Void (SPEC §11): why an operator voided an invoice, written with voided_at by
-- lib/billing/invoices/void-invoice.ts. Seeded voids predate the reason and have none.
-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "void_reason" TEXT;

-- A reason belongs to a void invoice only, and is what the API accepts (1–500 characters).
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_void_reason_check"
  CHECK ("void_reason" IS NULL OR ("status" = 'void' AND char_length("void_reason") BETWEEN 1 AND 500));
