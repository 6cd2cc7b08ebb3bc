-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "current_coupon_id" UUID,
ADD COLUMN     "current_plan_id" UUID,
ADD COLUMN     "current_status" "SubscriptionStatus",
ADD COLUMN     "current_subscription_id" UUID;


-- Hand-written from here (Prisma's schema language cannot express functions, triggers, partial or
-- expression indexes, or deferrable foreign keys). lib/db/schema-engine.ts sends this script
-- whole, so the function body may hold semicolons.
--
-- The invariant: organizations.current_subscription_id is the organization's current
-- subscription, the one GET /organizations lists and filters by: the live one (status <>
-- 'cancelled', at most one: subscriptions_one_live_per_organization), else the latest by
-- (created_at, id); null when it has none. current_plan_id, current_status and current_coupon_id
-- are that subscription's plan_id, status and coupon_id (all null without one). Before these
-- columns the search computed the current subscription per row (a LATERAL … ORDER BY … LIMIT 1)
-- and its filters walked organization after organization until a page filled (status=none:
-- 1.4 s, then 125 ms; a plan or status filter held by few: 15–45 ms; docs/PERFORMANCE.md,
-- "Customer search"). With them each filter is a range of an index in the search's order.
-- lib/billing/organizations/current-subscription.ts holds the order and the check of the invariant.

-- The backfill.
UPDATE organizations o
   SET current_subscription_id = c.id, current_plan_id = c.plan_id, current_status = c.status, current_coupon_id = c.coupon_id
  FROM (SELECT DISTINCT ON (s.organization_id) s.organization_id, s.id, s.plan_id, s.status, s.coupon_id
          FROM subscriptions s
         ORDER BY s.organization_id, (s.status <> 'cancelled') DESC, s.created_at DESC, s.id DESC) c
 WHERE c.organization_id = o.id;

-- Every organization row now changes whenever its current subscription's plan, status or coupon
-- does; the name search's GIN index (pg_trgm) would collect those row versions in its pending list
-- (up to 4 MB, read in full by every search until a vacuum merges it: a whole-name search went from
-- 1 to 13 ms after this backfill). Organizations are written seldom; their searches often.
ALTER INDEX "organizations_name_trgm_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('organizations_name_trgm_idx'::regclass);

-- Which subscription is current, and its plan, status and coupon, depend only on the
-- organization's subscriptions' (organization_id, status, created_at, id, plan_id, coupon_id): the
-- triggers below recompute all four columns for every organization whose subscriptions a
-- statement inserted, deleted, or changed in one of those, in the statement's transaction. The
-- billing run's renewals (periods, coupon cycles) and pending changes move none of them.
CREATE FUNCTION "organizations_refresh_current_subscription"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT organization_id ORDER BY organization_id) INTO touched FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT organization_id ORDER BY organization_id) INTO touched FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT moved.organization_id ORDER BY moved.organization_id) INTO touched
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES (o.organization_id), (n.organization_id)) AS moved (organization_id)
     WHERE (o.organization_id, o.status, o.created_at, o.plan_id, o.coupon_id)
           IS DISTINCT FROM (n.organization_id, n.status, n.created_at, n.plan_id, n.coupon_id);
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  -- Lock the organizations first, in id order (two writers cannot deadlock on them), with the lock
  -- an UPDATE of non-key columns takes (foreign-key checks of new invoices are not blocked). Under
  -- READ COMMITTED the UPDATE below is a new statement with a new snapshot, taken once the locks
  -- are ours: it sees whatever a concurrent writer of the same organization committed before us.
  PERFORM 1 FROM organizations WHERE id = ANY (touched) ORDER BY id FOR NO KEY UPDATE;
  UPDATE organizations o
     SET current_subscription_id = c.id, current_plan_id = c.plan_id, current_status = c.status, current_coupon_id = c.coupon_id
    FROM (SELECT t.organization_id, cur.id, cur.plan_id, cur.status, cur.coupon_id
            FROM unnest(touched) AS t (organization_id)
            LEFT JOIN LATERAL (
              SELECT s.id, s.plan_id, s.status, s.coupon_id FROM subscriptions s
               WHERE s.organization_id = t.organization_id
               ORDER BY (s.status <> 'cancelled') DESC, s.created_at DESC, s.id DESC
               LIMIT 1) cur ON true) c
   WHERE o.id = c.organization_id
     AND (o.current_subscription_id, o.current_plan_id, o.current_status, o.current_coupon_id)
         IS DISTINCT FROM (c.id, c.plan_id, c.status, c.coupon_id);
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger: three triggers, one function. ENABLE ALWAYS: the
-- data generator loads with session_replication_role = replica (which skips ordinary triggers,
-- foreign-key checks among them); these derived columns must be kept all the same.
CREATE TRIGGER "subscriptions_current_insert" AFTER INSERT ON "subscriptions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organizations_refresh_current_subscription"();
CREATE TRIGGER "subscriptions_current_update" AFTER UPDATE ON "subscriptions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organizations_refresh_current_subscription"();
CREATE TRIGGER "subscriptions_current_delete" AFTER DELETE ON "subscriptions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "organizations_refresh_current_subscription"();
ALTER TABLE "subscriptions" ENABLE ALWAYS TRIGGER "subscriptions_current_insert";
ALTER TABLE "subscriptions" ENABLE ALWAYS TRIGGER "subscriptions_current_update";
ALTER TABLE "subscriptions" ENABLE ALWAYS TRIGGER "subscriptions_current_delete";

-- The search's filters, each a range in its order (lower(name), id): plan_id, status (none: the
-- NULL range), coupon_id, has_coupon=true; and the way from a deleted subscription back to the
-- organization it was current for (the foreign key's ON DELETE).
CREATE UNIQUE INDEX "organizations_current_subscription_id_key" ON "organizations" ("current_subscription_id");
CREATE INDEX "organizations_current_plan_lower_name_id_idx" ON "organizations" ("current_plan_id", lower("name"), "id");
CREATE INDEX "organizations_current_status_lower_name_id_idx" ON "organizations" ("current_status", lower("name"), "id");
CREATE INDEX "organizations_current_coupon_lower_name_id_idx" ON "organizations" ("current_coupon_id", lower("name"), "id") WHERE "current_coupon_id" IS NOT NULL;
CREATE INDEX "organizations_with_coupon_lower_name_id_idx" ON "organizations" (lower("name"), "id") WHERE "current_coupon_id" IS NOT NULL;

-- Added after the backfill, whose rows would otherwise queue checks (no index can be built while
-- they are pending). Deferred: the data generator's reset puts organizations back before their
-- subscriptions (reset-generated.ts).
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_current_subscription_id_fkey"
  FOREIGN KEY ("current_subscription_id") REFERENCES "subscriptions" ("id")
  ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;
