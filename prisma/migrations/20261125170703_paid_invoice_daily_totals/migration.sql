-- CreateTable
CREATE TABLE "paid_invoice_daily_totals" (
    "currency" VARCHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "gross" DECIMAL(24,4) NOT NULL,
    "discounts" DECIMAL(24,4) NOT NULL,
    "invoices" INTEGER NOT NULL,

    CONSTRAINT "paid_invoice_daily_totals_pkey" PRIMARY KEY ("currency","day")
);

-- CreateTable
CREATE TABLE "paid_invoice_rollup_state" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "complete_before" DATE,

    CONSTRAINT "paid_invoice_rollup_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paid_invoice_dirty_days" (
    "currency" VARCHAR(3) NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "paid_invoice_dirty_days_pkey" PRIMARY KEY ("currency","day")
);

-- Hand-written from here (Prisma's schema language cannot express CHECK constraints, functions or
-- triggers, and schema-to-schema diffs leave them alone): the daily totals of paid invoices that
-- the overview reads instead of summing two years of invoices (docs/METRICS.md, "Gross revenue
-- and discounts"). lib/db/schema-engine.ts sends this script whole, so the function bodies may
-- hold semicolons.
--
-- The invariant: for every currency and every UTC day d < complete_before that has no row in
-- paid_invoice_dirty_days, paid_invoice_daily_totals holds exactly the sums over the invoices paid
-- on d (no row: none paid). Readers take those days from the totals and every other day (at or
-- after complete_before, or dirty) from invoices, so they are exact whether or not the refresh ran.

ALTER TABLE "paid_invoice_rollup_state" ADD CONSTRAINT "paid_invoice_rollup_state_singleton" CHECK ("id");
INSERT INTO "paid_invoice_rollup_state" ("id", "complete_before") VALUES (true, NULL);

-- Marks the (currency, UTC day) of paid invoices that a statement inserted, deleted, or changed
-- in currency, paid_at, amount_paid or discount_total (the old and the new version), so a refund
-- (amount_refunded, status) marks nothing. Only days before the UTC day before today's clock are
-- marked: no refresh can have summed a later day yet (its boundary is the day before its own
-- transaction's start), so today's payments, the usual writes, mark nothing. The cut-off comes
-- from the clock and not from the state row on purpose: a writer whose snapshot predates a
-- refresh (REPEATABLE READ) would read an old boundary and miss a day that refresh just summed.
-- A day marked beyond the boundary is harmless: it is read live either way.
CREATE FUNCTION "paid_invoice_rollup_mark_dirty"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cutoff timestamptz := (((clock_timestamp() AT TIME ZONE 'UTC')::date - 1)::timestamp AT TIME ZONE 'UTC');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO paid_invoice_dirty_days (currency, day)
    SELECT DISTINCT currency, (paid_at AT TIME ZONE 'UTC')::date FROM new_rows WHERE paid_at < cutoff
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO paid_invoice_dirty_days (currency, day)
    SELECT DISTINCT currency, (paid_at AT TIME ZONE 'UTC')::date FROM old_rows WHERE paid_at < cutoff
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO paid_invoice_dirty_days (currency, day)
    SELECT DISTINCT changed.currency, (changed.paid_at AT TIME ZONE 'UTC')::date
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES (o.currency, o.paid_at), (n.currency, n.paid_at)) AS changed (currency, paid_at)
     WHERE (o.currency, o.paid_at, o.amount_paid, o.discount_total)
           IS DISTINCT FROM (n.currency, n.paid_at, n.amount_paid, n.discount_total)
       AND changed.paid_at < cutoff
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger: three triggers, one function.
CREATE TRIGGER "invoices_paid_rollup_insert" AFTER INSERT ON "invoices"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "paid_invoice_rollup_mark_dirty"();
CREATE TRIGGER "invoices_paid_rollup_update" AFTER UPDATE ON "invoices"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "paid_invoice_rollup_mark_dirty"();
CREATE TRIGGER "invoices_paid_rollup_delete" AFTER DELETE ON "invoices"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "paid_invoice_rollup_mark_dirty"();

-- ALWAYS: they fire under session_replication_role = replica too, which the data generator sets
-- to skip foreign-key triggers (scripts/lib/generate-data/bulk-load-mode.ts) and which would
-- otherwise skip these and leave the totals wrong.
ALTER TABLE "invoices" ENABLE ALWAYS TRIGGER "invoices_paid_rollup_insert";
ALTER TABLE "invoices" ENABLE ALWAYS TRIGGER "invoices_paid_rollup_update";
ALTER TABLE "invoices" ENABLE ALWAYS TRIGGER "invoices_paid_rollup_delete";

-- TRUNCATE fires no row triggers and has no transition table: start the rollup over.
CREATE FUNCTION "paid_invoice_rollup_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE paid_invoice_rollup_state SET complete_before = NULL;
  DELETE FROM paid_invoice_daily_totals;
  DELETE FROM paid_invoice_dirty_days;
  RETURN NULL;
END
$$;

CREATE TRIGGER "invoices_paid_rollup_truncate" AFTER TRUNCATE ON "invoices"
  FOR EACH STATEMENT EXECUTE FUNCTION "paid_invoice_rollup_reset"();
ALTER TABLE "invoices" ENABLE ALWAYS TRIGGER "invoices_paid_rollup_truncate";

-- Sums every day in [complete_before, or the first paid day, the day before today) and every
-- dirty day before that, then moves complete_before on: the overview calls it before reading
-- (lib/billing/analytics/get-overview.ts). Returns the boundary in force afterwards. A cheap
-- no-op when there is nothing to do. Run it in READ COMMITTED, as its own statement.
CREATE FUNCTION "refresh_paid_invoice_daily_totals"() RETURNS date LANGUAGE plpgsql AS $$
DECLARE
  old_boundary date;
  new_boundary date := (now() AT TIME ZONE 'UTC')::date - 1;
  from_day date;
  dirty_currencies varchar(3)[];
  dirty_days date[];
BEGIN
  SELECT complete_before INTO old_boundary FROM paid_invoice_rollup_state;
  IF old_boundary >= new_boundary AND NOT EXISTS (SELECT FROM paid_invoice_dirty_days WHERE day < old_boundary) THEN
    RETURN old_boundary;
  END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'refresh_paid_invoice_daily_totals() needs READ COMMITTED: its sums must see every write that committed before its lock';
  END IF;

  -- SHARE conflicts with the ROW EXCLUSIVE lock every INSERT, UPDATE and DELETE of invoices takes
  -- and holds to its commit: it waits for the writers in flight to commit (so the sums below,
  -- each statement a fresh snapshot, see their rows) and keeps new ones out until this commits.
  -- Without it, a writer in flight on a day already marked (its own marker a no-op) would commit
  -- after this cleared the marker and summed the day without its change: a wrong total for good.
  -- A writer that comes after the commit marks the day it changes itself.
  -- Readers are not blocked. A writer holding its lock for long would stall the writers queued
  -- behind this one, so give up after a moment: the readers are exact without the refresh.
  PERFORM set_config('lock_timeout', '1s', true);
  BEGIN
    LOCK TABLE invoices IN SHARE MODE;
  EXCEPTION WHEN lock_not_available THEN
    RETURN old_boundary;
  END;
  PERFORM set_config('lock_timeout', '0', true);

  -- Concurrent refreshes (SHARE does not conflict with SHARE) take turns on the state row; the
  -- second one reads the first one's boundary here and finds little or nothing left to do.
  SELECT complete_before INTO old_boundary FROM paid_invoice_rollup_state FOR UPDATE;
  new_boundary := GREATEST(new_boundary, old_boundary);
  IF old_boundary IS NULL THEN
    DELETE FROM paid_invoice_daily_totals;
    SELECT (min(paid_at) AT TIME ZONE 'UTC')::date INTO from_day FROM invoices WHERE paid_at IS NOT NULL;
  ELSE
    from_day := old_boundary;
  END IF;

  WITH taken AS (DELETE FROM paid_invoice_dirty_days WHERE day < new_boundary RETURNING currency, day)
  SELECT array_agg(currency), array_agg(day) INTO dirty_currencies, dirty_days FROM taken;

  DELETE FROM paid_invoice_daily_totals t
   USING unnest(dirty_currencies, dirty_days) AS dirty (currency, day)
   WHERE t.currency = dirty.currency AND t.day = dirty.day;

  INSERT INTO paid_invoice_daily_totals (currency, day, gross, discounts, invoices)
  SELECT currency, (paid_at AT TIME ZONE 'UTC')::date, sum(amount_paid), sum(discount_total), count(*)::int
    FROM invoices
   WHERE from_day < new_boundary
     AND paid_at >= (from_day::timestamp AT TIME ZONE 'UTC') AND paid_at < (new_boundary::timestamp AT TIME ZONE 'UTC')
   GROUP BY 1, 2
  UNION ALL
  -- Dirty days before the range, each by a range scan of invoices_paid_analytics_idx.
  SELECT dirty.currency, dirty.day, sum(i.amount_paid), sum(i.discount_total), count(*)::int
    FROM unnest(dirty_currencies, dirty_days) AS dirty (currency, day)
    JOIN invoices i ON i.currency = dirty.currency
     AND i.paid_at >= (dirty.day::timestamp AT TIME ZONE 'UTC') AND i.paid_at < ((dirty.day + 1)::timestamp AT TIME ZONE 'UTC')
   WHERE from_day IS NOT NULL AND dirty.day < from_day
   GROUP BY 1, 2;

  UPDATE paid_invoice_rollup_state SET complete_before = new_boundary;
  RETURN new_boundary;
END
$$;
