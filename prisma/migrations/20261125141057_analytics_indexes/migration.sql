-- DropIndex
DROP INDEX "invoices_currency_paid_at_idx";

-- DropIndex
DROP INDEX "refunds_currency_created_at_idx";

-- Hand-written: covering, partial indexes for lib/billing/analytics (docs/METRICS.md). Prisma's
-- schema language cannot express INCLUDE or WHERE, and later diffs (schema to schema) leave
-- them alone. They replace the two plain indexes dropped above, whose queries they serve as
-- index-only scans: a revenue figure over a month of invoices reads a few hundred index pages
-- instead of visiting one heap page per invoice.
CREATE INDEX "invoices_paid_analytics_idx" ON "invoices" ("currency", "paid_at")
  INCLUDE ("amount_paid", "discount_total", "subscription_id", "coupon_id")
  WHERE "paid_at" IS NOT NULL;

CREATE INDEX "refunds_succeeded_analytics_idx" ON "refunds" ("currency", "created_at")
  INCLUDE ("amount")
  WHERE "status" = 'succeeded';

CREATE INDEX "coupon_redemptions_analytics_idx" ON "coupon_redemptions" ("currency", "redeemed_at")
  INCLUDE ("coupon_id", "amount");
