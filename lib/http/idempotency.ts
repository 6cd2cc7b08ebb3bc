import { createHash } from 'node:crypto';
import type { TActor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { BillingError, badRequest, conflict } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';

const TTL_MS = 24 * 60 * 60 * 1000;
const REPLAYED_HEADERS = ['content-type', 'location'];
const STORED_INSTEAD = new WeakMap<Response, Response>();

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
 * dies mid-request leaves the key `in_progress` until it expires: never a second execution, which
 * is what keeps a retried refund from refunding twice.
 */
export async function withIdempotency(
  request: Request,
  actor: TActor,
  bodyText: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) return run();
  if (key.length < 1 || key.length > 255) {
    throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 1–255 characters.');
  }

  const scope = `${actor.type}:${actor.id}:${request.method} ${new URL(request.url).pathname}`;
  const requestHash = createHash('sha256').update(bodyText).digest('hex');
  const claimed = await claim(scope, key, requestHash);
  if (claimed !== true) return replay(claimed, requestHash);

  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await release(scope, key);
    throw error;
  }
  if (response.status >= 500) {
    await release(scope, key);
    return response;
  }
  const stored = STORED_INSTEAD.get(response) ?? response;
  const body = await stored.text();
  const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
    const value = stored.headers.get(name);
    return value === null ? [] : [[name, value]];
  }));
  await db().idempotencyRecord.update({
    where: { scope_key: { scope, key } },
    data: { state: 'completed', responseStatus: stored.status, responseBody: body, responseHeaders: headers },
  });
  return stored === response ? new Response(body, { status: response.status, headers: response.headers }) : response;
}

type StoredRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** True when this request owns the key now; otherwise the record that already holds it. */
async function claim(scope: string, key: string, requestHash: string): Promise<true | StoredRecord> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findRecord(scope, key);
    if (existing && existing.expiresAt.getTime() > Date.now()) return existing;
    if (existing) await db().idempotencyRecord.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date() } } });
    try {
      await db().idempotencyRecord.create({
        data: { scope, key, requestHash, state: 'in_progress', expiresAt: new Date(Date.now() + TTL_MS) },
      });
      return true;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      // Another request claimed the key between our read and insert: read it again.
    }
  }
  throw conflict('idempotency_request_in_progress', 'A request with this Idempotency-Key is in progress; retry later.');
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

async function release(scope: string, key: string): Promise<void> {
  await db().idempotencyRecord.deleteMany({ where: { scope, key, state: 'in_progress' } }).catch(() => {});
}
