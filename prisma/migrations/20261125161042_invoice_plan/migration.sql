-- AlterTable (hand-edited: existing invoices get the plan of their subscription, then NOT NULL)
ALTER TABLE "invoices" ADD COLUMN     "plan_id" UUID;

UPDATE "invoices" AS i SET "plan_id" = s."plan_id" FROM "subscriptions" AS s WHERE s."id" = i."subscription_id";

ALTER TABLE "invoices" ALTER COLUMN "plan_id" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: revenue by plan (lib/billing/analytics/get-plan-breakdown.ts) reads plan_id from
-- the covering index, an index-only aggregate with no join to subscriptions.
DROP INDEX "invoices_paid_analytics_idx";

CREATE INDEX "invoices_paid_analytics_idx" ON "invoices" ("currency", "paid_at")
  INCLUDE ("amount_paid", "discount_total", "subscription_id", "coupon_id", "plan_id")
  WHERE "paid_at" IS NOT NULL;
