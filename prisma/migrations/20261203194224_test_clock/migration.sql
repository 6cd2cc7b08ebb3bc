-- CreateTable
CREATE TABLE "test_clock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offset_ms" BIGINT NOT NULL,
    "moved_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "test_clock_pkey" PRIMARY KEY ("id")
);

-- One row at most: the clock of every instance over this database.
ALTER TABLE "test_clock" ADD CONSTRAINT "test_clock_single_row" CHECK ("id" = 1);
