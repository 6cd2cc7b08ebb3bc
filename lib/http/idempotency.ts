import { AsyncLocalStorage } from 'node:async_hooks';
import { hash, randomUUID } from 'node:crypto';
import type { TActor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { BillingError, badRequest, conflict } from '@/lib/errors';

const TTL_SECONDS = 24 * 60 * 60;
const REPLAYED_HEADERS = ['content-type', 'location'];
const STORED_INSTEAD = new WeakMap<Response, Response>();
/** The claim the current request holds, and the answer its service already stored with its own writes (answerInTransactionSql). */
interface TClaimContext {
  id: string;
  answered?: { status: number; body: string };
}
const CLAIM = new AsyncLocalStorage<TClaimContext>();
/** What json() answers with, as the record keeps it (REPLAYED_HEADERS). */
const JSON_HEADERS = JSON.stringify({ 'content-type': 'application/json' });

/**
 * The id of the Idempotency-Key record the current request holds, or null without a key. A refund
 * stores it (refunds.idempotency_record_id) so that, when the request dies between reserving and
 * settling, the reconciler can complete the record with the settled refund: the client's retry
 * then replays that answer instead of waiting for the record to expire and refunding again.
 */
export function currentIdempotencyClaim(): string | null {
  return CLAIM.getStore()?.id ?? null;
}

/** The SET of a completed record: its answer's status, body (a SQL text expression) and replayed headers. */
function completedSql(status: number, body: Prisma.Sql, headers = JSON_HEADERS): Prisma.Sql {
  return Prisma.sql`state = 'completed', response_status = ${status}::int, response_body = ${body}, response_headers = ${headers}::jsonb`;
}

/**
 * The current request's Idempotency-Key record completed with the answer its handler is about to
 * give — `json(data, status)` — as a data-modifying statement (with RETURNING) for the service's
 * last write: it commits with the service's writes or not at all, and withIdempotency, finding the
 * answer it then gets already stored, byte for byte, makes no statement of its own. Any other
 * answer (an error after the write, other headers) is stored by withIdempotency as before,
 * over this one. Null when the request holds no key (nothing to complete). With `onlyIf` (a
 * condition on the statement's other CTEs), the answer is written only when it holds — a write
 * guarded by the version it read, say: when the write did not happen, withIdempotency stores
 * whatever the request answers in the end.
 */
export function answerInTransactionSql(data: unknown, status = 200, onlyIf?: Prisma.Sql): Prisma.Sql | null {
  const context = CLAIM.getStore();
  if (!context) return null;
  const body = JSON.stringify(data);
  context.answered = { status, body };
  return Prisma.sql`
    UPDATE idempotency_records SET ${completedSql(status, Prisma.sql`${body}::text`)}
     WHERE id = ${context.id}::uuid ${onlyIf ? Prisma.sql`AND ${onlyIf}` : Prisma.empty}
    RETURNING id`;
}

/**
 * answerInTransactionSql for an answer whose figures only the statement itself knows (a
 * payment's amount due, after the invoice's row was locked): the record is completed by an
 * `UPDATE … FROM from` whose body is `data` as JSON text, with each SqlJsonValue in it filled in
 * by PostgreSQL (jsonTextSql), returning the body it wrote as `answered_body`. The caller hands
 * that text to `written` once the statement ran (null when `from` had no row: nothing written).
 * Should PostgreSQL spell a value otherwise than JSON.stringify would, withIdempotency sees the
 * bodies differ and stores the real answer: a replay is always the answer given.
 */
export function answerBuiltBySql(data: unknown, status: number, from: Prisma.Sql): { sql: Prisma.Sql; written(body: string | null): void } | null {
  const context = CLAIM.getStore();
  if (!context) return null;
  return {
    sql: Prisma.sql`
      UPDATE idempotency_records SET ${completedSql(status, jsonTextSql(data))}
        FROM ${from}
       WHERE idempotency_records.id = ${context.id}::uuid
      RETURNING idempotency_records.response_body AS answered_body`,
    written(body) {
      context.answered = body === null ? undefined : { status, body };
    },
  };
}

/** A value of jsonTextSql's `data` that PostgreSQL writes: `sql` yields its JSON text (`to_json(x)::text`, `trim_scale(amount)::text`). */
export class SqlJsonValue {
  constructor(readonly sql: Prisma.Sql) {}
}

/**
 * `JSON.stringify(data)` as a SQL text expression in which every SqlJsonValue is its SQL. Each is
 * marked in the JSON text by a string drawn at random per call, so no text in `data` is taken for one.
 */
export function jsonTextSql(data: unknown): Prisma.Sql {
  const tag = randomUUID();
  const values: Prisma.Sql[] = [];
  let text = JSON.stringify(data, (_key, value: unknown) => {
    if (!(value instanceof SqlJsonValue)) return value;
    values.push(value.sql);
    return `${tag}:${values.length - 1}`;
  });
  const parts: Prisma.Sql[] = [];
  values.forEach((value, index) => {
    const token = `"${tag}:${index}"`;
    const at = text.indexOf(token);
    parts.push(Prisma.sql`${text.slice(0, at)}::text`, Prisma.sql`(${value})`);
    text = text.slice(at + token.length);
  });
  parts.push(Prisma.sql`${text}::text`);
  return Prisma.join(parts, ' || ');
}

/** Completes a claim still in progress with `status` and `body` (the reconciler, for a request that died). */
export async function completeClaim(claimId: string, status: number, body: string): Promise<boolean> {
  const updated = await db().$executeRaw`
    UPDATE idempotency_records
    SET ${completedSql(status, Prisma.sql`${body}::text`)}
    WHERE id = ${claimId}::uuid AND state = 'in_progress'`;
  return updated > 0;
}

/**
 * Stores `stored` for replays in place of `response`, which goes to this caller only. For a
 * response that must never be written down, like a new API key's secret: its retries get
 * `stored` (say, a problem explaining why the original cannot be repeated) instead.
 */
export function replayAs(response: Response, stored: Response): Response {
  STORED_INSTEAD.set(response, stored);
  return response;
}

/**
 * `Idempotency-Key` for POSTs (SPEC §3.2), stored in PostgreSQL so it holds across instances.
 *
 * The first request for a (caller, route, key) inserts an `in_progress` record (a unique index
 * makes exactly one request win), runs, then stores its response for 24 hours. A retry with the
 * same body replays it byte for byte; another body is 422; a retry while the first still runs is
 * 409. Responses of 5xx and thrown errors release the key so the client may retry. A process that
 * dies mid-request leaves the key `in_progress`: never a second execution, which is what keeps a
 * retried refund from refunding twice. A refund records its claim (currentIdempotencyClaim); the
 * refund reconciler completes such a record with the refund's settled answer once it has settled
 * it, and until then a retry is 409 in progress.
 */
export async function withIdempotency(
  request: Request,
  actor: TActor,
  bodyText: string,
  run: () => Promise<Response>,
  /** The claim's id when the admission statement won it for this request (admitApiKey with an idempotency plan). */
  preClaimed?: string,
): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) return run();
  if (key.length < 1 || key.length > 255) {
    throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 1–255 characters.');
  }

  // Claimed already by the request's admission statement (an API key's), or claimed here.
  let claimed: string | StoredRecord | undefined = preClaimed;
  if (claimed === undefined) {
    const requestHash = requestHashOf(bodyText);
    claimed = await claim(`${actor.type}:${actor.id}:${request.method} ${new URL(request.url).pathname}`, key, requestHash);
    if (typeof claimed !== 'string') return replay(claimed, requestHash);
  }

  let response: Response;
  const context: TClaimContext = { id: claimed };
  try {
    response = await CLAIM.run(context, run);
  } catch (error) {
    await release(claimed);
    throw error;
  }
  if (response.status >= 500) {
    await release(claimed);
    return response;
  }
  const stored = STORED_INSTEAD.get(response) ?? response;
  const body = await stored.text();
  const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
    const value = stored.headers.get(name);
    return value === null ? [] : [[name, value]];
  }));
  // Stored already, with the service's own writes (answerInTransactionSql): nothing more to write.
  const answered = context.answered;
  if (answered && answered.status === stored.status && answered.body === body && JSON.stringify(headers) === JSON_HEADERS) {
    return stored === response ? new Response(body, { status: response.status, headers: response.headers }) : response;
  }
  // By the claim's id: a request that outlived its record's expiry cannot overwrite a later claim.
  await db().$executeRaw`
    UPDATE idempotency_records
    SET ${completedSql(stored.status, Prisma.sql`${body}::text`, JSON.stringify(headers))}
    WHERE id = ${claimed}::uuid`;
  return stored === response ? new Response(body, { status: response.status, headers: response.headers }) : response;
}

// crypto.hash: the one-shot digest, without a Hash object per request.
const requestHashOf = (bodyText: string) => hash('sha256', bodyText, 'hex');

type StoredRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/**
 * The claim's id when this request owns the key now; otherwise the record that already holds it.
 *
 * One statement in the common case: the INSERT wins for a new key, and ON CONFLICT … WHERE takes
 * over an expired record in place (a new id, so the expired request's late writes miss it); a live
 * record is left as it is and nothing is returned. The unique index on (scope, key) decides between
 * concurrent requests — an INSERT waits for a concurrent one's commit, then sees its row — so
 * exactly one wins. Expiry is judged by the database's clock, the one that set it.
 */
async function claim(scope: string, key: string, requestHash: string): Promise<string | StoredRecord> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [won] = await db().$queryRaw<{ id: string }[]>`${claimStatement(Prisma.sql`VALUES (gen_random_uuid(), ${scope}::text, ${key}::text, ${requestHash}::text, 'in_progress', now() + ${TTL_SECONDS}::int * interval '1 second')`)}`;
    if (won) return won.id;
    const existing = await findRecord(scope, key);
    if (existing) return existing;
    // Released between the two statements (its request failed): try to claim it again.
  }
  throw conflict('idempotency_request_in_progress', 'A request with this Idempotency-Key is in progress; retry later.');
}

/**
 * The claim as a statement: `rows` gives (id, scope, key, request_hash, state, expires_at) — a
 * VALUES row, or a SELECT (an API key's admission claims for an admitted request in its own
 * statement: idempotencyClaimSql). Returns the new claim's id, or nothing when a live record holds the key.
 */
function claimStatement(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO idempotency_records AS record (id, scope, key, request_hash, state, expires_at)
      ${rows}
      ON CONFLICT (scope, key) DO UPDATE
      SET id = excluded.id, request_hash = excluded.request_hash, state = 'in_progress', response_status = NULL,
        response_body = NULL, response_headers = NULL, created_at = now(), expires_at = excluded.expires_at
      WHERE record.expires_at <= now() AND NOT ${refundStillPending(Prisma.sql`record.id`)}
      RETURNING id`;
}

/** What an API key's admission needs to claim a POST's Idempotency-Key in its own statement (null: no valid key). */
export interface TIdempotencyPlan {
  key: string;
  requestHash: string;
  /** The scope after the actor: `:POST /api/v1/…`. */
  scopeSuffix: string;
}

export function idempotencyPlan(request: Request, bodyText: string): TIdempotencyPlan | null {
  const key = request.headers.get('idempotency-key');
  if (request.method !== 'POST' || key === null || key.length < 1 || key.length > 255) return null;
  return { key, requestHash: requestHashOf(bodyText), scopeSuffix: `:${request.method} ${new URL(request.url).pathname}` };
}

/**
 * The claim for an admission statement (lib/auth/api-keys/admit-api-key.ts): the same upsert as
 * `claim`, its scope made of `actorScope` (SQL naming the key, evaluated in that statement) and
 * the plan's suffix, for the rows `from` yields (none when the request is refused).
 */
export function idempotencyClaimSql(plan: TIdempotencyPlan, actorScope: Prisma.Sql, from: Prisma.Sql): Prisma.Sql {
  return claimStatement(Prisma.sql`
      SELECT gen_random_uuid(), ${actorScope} || ${plan.scopeSuffix}::text, ${plan.key}::text, ${plan.requestHash}::text, 'in_progress', now() + ${TTL_SECONDS}::int * interval '1 second'
      ${from}`);
}

function findRecord(scope: string, key: string) {
  return db().idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
}

function replay(record: StoredRecord, requestHash: string): Response {
  if (record.requestHash !== requestHash) {
    throw new BillingError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body.');
  }
  if (record.state !== 'completed' || record.responseStatus === null) {
    throw conflict('idempotency_request_in_progress', 'A request with this Idempotency-Key is in progress; retry later.');
  }
  const headers = new Headers(record.responseHeaders as Record<string, string> | null ?? {});
  headers.set('Idempotent-Replayed', 'true');
  headers.set('Cache-Control', 'no-store');
  return new Response(record.responseBody, { status: record.responseStatus, headers });
}

/**
 * Gives the key back after a 5xx or a thrown error, so the client may retry — unless the request
 * reserved a refund that is still pending (it died between the reservation and the settlement, or
 * the settlement met a database outage): then a retry could refund twice, so the key stays claimed
 * until the refund reconciler settles that refund and completes the record with its answer.
 */
export async function release(claimId: string): Promise<void> {
  await db().$executeRaw`
    DELETE FROM idempotency_records
    WHERE id = ${claimId}::uuid AND state = 'in_progress' AND NOT ${refundStillPending(Prisma.sql`${claimId}::uuid`)}`.catch(() => {});
}

/** A pending refund made under the claim `claimId` (refunds_pending_claim_idx). */
function refundStillPending(claimId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM refunds WHERE idempotency_record_id = ${claimId} AND status = 'pending')`;
}
