import type { TActor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { bookkeepingDb, withPoolSettings, type Db } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { adoptTestClockOffset, testClockOffsetSql } from '@/lib/test-clock/sync-test-clock';

/** The window is one minute (`interval '1 minute'` in the statement below). */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

export interface TRateLimitResult {
  limit: number;
  remaining: number;
  /** Seconds until the window restarts. */
  resetSeconds: number;
  allowed: boolean;
}

/** A counted request: its limit's verdict, and whether the counting statement synced the test clock too. */
export type TCountedRequest = TRateLimitResult & { clockSynced: boolean };

/** The rate-limit headers (IETF draft "RateLimit header fields for HTTP", its separate-field form). */
export function rateLimitHeaders(result: TRateLimitResult): Record<string, string> {
  return {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(result.remaining),
    'RateLimit-Reset': String(result.resetSeconds),
  };
}

/**
 * Counts one API request against its caller's fixed one-minute window and throws 429
 * `rate_limited` (with Retry-After) past the limit; null when the limit is off (0).
 * The caller is the API key or the signed-in user, so each key has its own budget.
 */
export async function enforceRateLimit(actor: TActor, limit = config().RATE_LIMIT_PER_MINUTE, client: Db = bookkeepingDb()): Promise<TRateLimitResult | null> {
  const result = await countRateLimit(actor, limit, client);
  return result && refuseOverLimit(result);
}

/** Counts one request against the caller's window without judging it (refuseOverLimit does); null when the limit is off. */
export async function countRateLimit(actor: TActor, limit = config().RATE_LIMIT_PER_MINUTE, client: Db = bookkeepingDb()): Promise<TCountedRequest | null> {
  return limit <= 0 ? null : countRequest(`${actor.type}:${actor.id}`, limit, client);
}

/** The result when it is allowed; otherwise 429 `rate_limited` with Retry-After and the RateLimit headers. */
export function refuseOverLimit(result: TRateLimitResult): TRateLimitResult {
  if (!result.allowed) {
    throw new BillingError(429, 'rate_limited', `At most ${result.limit} requests per minute per API key or user; retry in ${result.resetSeconds} s.`, {
      headers: { 'Retry-After': String(result.resetSeconds), ...rateLimitHeaders(result) },
    });
  }
  return result;
}

/** A window's count and seconds to its reset, as the counting statement returns them, judged against `limit`. */
export function rateLimitResult(limit: number, row: { count: number; reset_seconds: number }): TRateLimitResult {
  return { limit, remaining: Math.max(0, limit - row.count), resetSeconds: row.reset_seconds, allowed: row.count <= limit };
}

/**
 * The webhook routes' own limit (they have no caller identity before the signature is checked):
 * one window per provider, `WEBHOOK_RATE_LIMIT_PER_MINUTE` deliveries a minute; past it 429 with
 * Retry-After, which both providers honour by delivering again later.
 */
export async function enforceWebhookRateLimit(provider: string, limit = config().WEBHOOK_RATE_LIMIT_PER_MINUTE, client: Db = bookkeepingDb()): Promise<{ clockSynced: boolean }> {
  if (limit <= 0) return { clockSynced: false };
  const result = await countRequest(`webhook:${provider}`, limit, client);
  if (!result.allowed) {
    throw new BillingError(429, 'rate_limited', `At most ${limit} ${provider} webhook deliveries per minute; retry in ${result.resetSeconds} s.`, {
      headers: { 'Retry-After': String(result.resetSeconds) },
    });
  }
  return { clockSynced: result.clockSynced };
}

/**
 * One statement per request. ON CONFLICT takes the row lock, so concurrent requests of one
 * caller are counted one after another and exactly `limit` of them get through; the CASEs read
 * the row as it was before this request (a window older than a minute restarts at 1). Times are
 * the database's, so app instances with drifting clocks share one window. Rejected requests
 * count too: a client hammering past its limit does not earn a fresh window sooner. It goes through
 * bookkeepingDb(): the count is committed without waiting for the disk (lib/db.ts). (LEAST: the
 * column keeps milliseconds, rounded, so a fresh window may look a hair longer than a minute.)
 * With TEST_CLOCK=true the same statement reads the test clock's row and adopts it (clockSynced),
 * so the request needs no statement of its own for it (lib/test-clock/sync-test-clock.ts).
 */
async function countRequest(key: string, limit: number, client: Db): Promise<TCountedRequest> {
  const [row] = await withPoolSettings(client, (pool) => pool.$queryRaw<{ count: number; reset_seconds: number; clock_offset_ms: bigint | null }[]>`
    WITH counted AS (
      INSERT INTO rate_limit_buckets AS bucket (key, window_start, count)
      VALUES (${key}, now(), 1)
      ${COUNT_IN_WINDOW}
    )
    SELECT count, reset_seconds, ${testClockOffsetSql()} AS clock_offset_ms FROM counted`);
  return { ...rateLimitResult(limit, row!), clockSynced: adoptTestClockOffset(row!.clock_offset_ms) };
}

/**
 * The upsert's conflict clause and its RETURNING (count, reset_seconds), shared by countRequest and
 * the API-key admission that counts in the statement that authenticates
 * (lib/auth/api-keys/admit-api-key.ts).
 */
export const COUNT_IN_WINDOW = Prisma.sql`
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN bucket.window_start <= now() - interval '1 minute' THEN now() ELSE bucket.window_start END,
      count = CASE WHEN bucket.window_start <= now() - interval '1 minute' THEN 1 ELSE LEAST(bucket.count, 2000000000) + 1 END
    RETURNING count, LEAST(60, GREATEST(1, ceil(extract(epoch FROM bucket.window_start + interval '1 minute' - now()))))::int AS reset_seconds`;
