import type { TActor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { bookkeepingDb, db, withPoolSettings, type Db } from '@/lib/db';
import type { TScalarRead } from '@/lib/db/scalar-read';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { idempotencyClaimSql, type TIdempotencyPlan } from '@/lib/http/idempotency';
import { COUNT_IN_WINDOW, rateLimitResult, type TRateLimitResult } from '@/lib/http/rate-limit';
import { adoptTestClockOffset, testClockOffsetSql } from '@/lib/test-clock/sync-test-clock';
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
  /**
   * The values of the `reads` the request asked for (in their order), read by the admission
   * statement itself; present only when it read them: the key is a super_admin's and the request is
   * within its limit (nothing is read for a request that is refused).
   */
  reads?: (string | null)[];
  /**
   * The Idempotency-Key record this request now holds, claimed by the admission statement (an
   * `idempotency` plan was passed, the request was admitted and no live record held the key);
   * absent otherwise: withIdempotency claims (or replays) as usual.
   */
  claimId?: string;
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
 *
 * `idempotency`: a POST's Idempotency-Key, claimed by the same statement for an admitted request
 * (TAdmission.claimId), one round trip fewer per write. The claim commits with the count, without
 * waiting for the disk: harmless, since the request's own writes and its stored answer commit
 * durably after it, and a durable commit flushes every earlier one with it.
 *
 * `reads`: what the request's handler will read (scalar reads, lib/db/scalar-read.ts: the version
 * behind an entity tag, a list's JSON), read by the same statement for an admitted request, so that a
 * GET makes one round trip in all. They see the statement's snapshot; they are evaluated only when
 * the key is a super_admin's and the count is within the limit (a CASE: PostgreSQL runs a subquery
 * only in the branch taken), so a refused request reads nothing. Such a statement runs on the main
 * pool (`client` defaults to db() then): it reads billing data, like the handler whose reads it
 * makes, and a database the requests cannot reach is their 503 whichever statement meets it. Its
 * count still commits without waiting for the disk: the statement sets synchronous_commit=off for
 * its own transaction (set_config(…, true), read when that transaction commits, and gone after it;
 * behind PgBouncer too), as the bookkeeping pool's sessions have it.
 */
export async function admitApiKey(secret: string, limit = config().RATE_LIMIT_PER_MINUTE, client?: Db, reads: TScalarRead[] = [], idempotency: TIdempotencyPlan | null = null): Promise<TAdmission> {
  if (!isWellFormedApiKeySecret(secret)) return { actor: null, limits: null };
  const pool = client ?? (reads.length > 0 || idempotency ? db() : bookkeepingDb());
  const admitted = Prisma.sql`key.role = 'super_admin' AND (counted.count IS NULL OR counted.count <= ${limit}::int)`;
  const readColumns = reads.map((read, index) => Prisma.sql`, CASE WHEN ${admitted} THEN ${read} END AS ${Prisma.raw(`read_${index}`)}`);
  // The POST's Idempotency-Key claimed for an admitted request, in this statement too (lib/http/idempotency.ts).
  const claim = idempotency
    ? {
        cte: Prisma.sql`, claimed AS (${idempotencyClaimSql(idempotency, Prisma.sql`'api_key:' || key.id::text`, Prisma.sql`FROM key LEFT JOIN counted ON true WHERE ${admitted}`)})`,
        column: Prisma.sql`, (SELECT id::text FROM claimed) AS claim_id`,
      }
    : { cte: Prisma.empty, column: Prisma.empty };
  const [row] = await withPoolSettings(pool, (connection) => connection.$queryRaw<TAdmissionRow[]>`
    WITH async_commit AS (
      SELECT set_config('synchronous_commit', 'off', true)
    ), key AS (
      SELECT id, name, prefix, role, last_used_at FROM api_keys, async_commit WHERE secret_hash = ${hashApiKeySecret(secret)} AND revoked_at IS NULL
    ), counted AS (
      INSERT INTO rate_limit_buckets AS bucket (key, window_start, count)
      SELECT 'api_key:' || key.id::text, now(), 1 FROM key WHERE key.role = 'super_admin' AND ${limit}::int > 0
      ${COUNT_IN_WINDOW}
    )${claim.cte}
    SELECT key.id::text AS id, key.name, key.prefix, key.role::text AS role, key.last_used_at, counted.count, counted.reset_seconds,
           ${testClockOffsetSql()} AS clock_offset_ms
           ${readColumns.length ? Prisma.join(readColumns, ' ') : Prisma.empty}${claim.column}
    FROM key LEFT JOIN counted ON true`);
  if (!row) return { actor: null, limits: null };
  touchLastUsed(row.id, row.last_used_at);
  const clockSynced = adoptTestClockOffset(row.clock_offset_ms);
  const limits = row.count === null || row.reset_seconds === null ? null : rateLimitResult(limit, { count: row.count, reset_seconds: row.reset_seconds });
  const readThem = reads.length > 0 && row.role === 'super_admin' && (limits?.allowed ?? true);
  return {
    ...(clockSynced ? { clockSynced: true as const } : {}),
    actor: apiKeyActor(row),
    limits,
    ...(readThem ? { reads: reads.map((_, index) => row[`read_${index}`] ?? null) } : {}),
    ...(row.claim_id ? { claimId: row.claim_id } : {}),
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
  /** The reads' values: read_0, read_1, … */
  [read: `read_${number}`]: string | null;
  claim_id?: string | null;
}
