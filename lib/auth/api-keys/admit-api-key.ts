import type { TActor } from '@/lib/auth/actor';
import { adoptClockOffset, testClockEnabled } from '@/lib/clock';
import { config } from '@/lib/config';
import { bookkeepingDb, withPoolSettings, type Db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { COUNT_IN_WINDOW, rateLimitResult, type TRateLimitResult } from '@/lib/http/rate-limit';
import { hashApiKeySecret, isWellFormedApiKeySecret } from './api-key-secret';
import { apiKeyActor, touchLastUsed } from './authenticate-api-key';

export interface TAdmission {
  /** The key's actor, or null when the secret is malformed, unknown or revoked. */
  actor: TActor | null;
  /** The request counted against the key's window: only for a super_admin key, and only while the limit is on. */
  limits: TRateLimitResult | null;
  /**
   * With TEST_CLOCK=true, the test clock's offset read by the same statement (and adopted), so the
   * request needs no statement of its own for it (lib/test-clock/sync-test-clock.ts); absent otherwise.
   */
  clockSynced?: true;
}

/**
 * Authentication and the rate-limit count of an API request in one statement, one round trip:
 * the key is looked up by its hash with `revoked_at IS NULL` (read on every request, no cache, so
 * a revoked key is refused on every instance from the revocation's commit on), and when it is a
 * super_admin key the same statement counts the request in the key's window, exactly as
 * enforceRateLimit does (lib/http/rate-limit.ts: the same upsert and row lock). Other roles are
 * not counted, as before: they are refused (403) before the limiter. The statement runs on the
 * bookkeeping pool (the count commits without waiting for the disk); the key's row is only read.
 * With TEST_CLOCK=true it also reads the test clock's row, which every request must (no extra round trip).
 */
export async function admitApiKey(secret: string, limit = config().RATE_LIMIT_PER_MINUTE, client: Db = bookkeepingDb()): Promise<TAdmission> {
  if (!isWellFormedApiKeySecret(secret)) return { actor: null, limits: null };
  const testClock = testClockEnabled();
  const [row] = await withPoolSettings(client, (pool) => pool.$queryRaw<TAdmissionRow[]>`
    WITH key AS (
      SELECT id, name, prefix, role, last_used_at FROM api_keys WHERE secret_hash = ${hashApiKeySecret(secret)} AND revoked_at IS NULL
    ), counted AS (
      INSERT INTO rate_limit_buckets AS bucket (key, window_start, count)
      SELECT 'api_key:' || key.id::text, now(), 1 FROM key WHERE key.role = 'super_admin' AND ${limit}::int > 0
      ${COUNT_IN_WINDOW}
    )
    SELECT key.id::text AS id, key.name, key.prefix, key.role::text AS role, key.last_used_at, counted.count, counted.reset_seconds,
           (SELECT offset_ms FROM test_clock WHERE id = 1 AND ${testClock}::boolean) AS clock_offset_ms
    FROM key LEFT JOIN counted ON true`);
  if (!row) return { actor: null, limits: null };
  touchLastUsed(row.id, row.last_used_at);
  if (testClock && row.clock_offset_ms !== null) adoptClockOffset(Number(row.clock_offset_ms));
  return {
    ...(testClock ? { clockSynced: true as const } : {}),
    actor: apiKeyActor(row),
    limits: row.count === null || row.reset_seconds === null ? null : rateLimitResult(limit, { count: row.count, reset_seconds: row.reset_seconds }),
  };
}

interface TAdmissionRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  last_used_at: Date | null;
  count: number | null;
  reset_seconds: number | null;
  clock_offset_ms: bigint | null;
}
