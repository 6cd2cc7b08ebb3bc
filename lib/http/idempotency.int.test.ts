import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TActor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { withIdempotency } from './idempotency';

// The scope is the caller and the route: each test has its own caller, so keys never meet.
const caller = (): TActor => ({ type: 'api_key', id: randomUUID(), label: 'API key test (bk_test…)', role: 'super_admin' });
const PATH = 'http://localhost:3000/api/v1/admin/billing/things';

function send(actor: TActor, key: string, body: string, run: () => Promise<Response>) {
  const request = new Request(PATH, { method: 'POST', headers: { 'idempotency-key': key }, body });
  return withIdempotency(request, actor, body, run);
}

/** A handler that counts its runs and answers 201 with a body naming the run. */
function counting(status = 201) {
  let runs = 0;
  const run = async () => {
    runs += 1;
    return new Response(JSON.stringify({ run: runs }), { status, headers: { 'Content-Type': 'application/json', Location: `/things/${runs}`, 'X-Other': 'not replayed' } });
  };
  return { run, runs: () => runs };
}

function deferred() {
  let resolve!: (response: Response) => void;
  const promise = new Promise<Response>((done) => (resolve = done));
  return { promise, resolve };
}

const records = (key: string) => db().idempotencyRecord.findMany({ where: { key } });
const expire = (key: string) => db().$executeRaw`UPDATE idempotency_records SET expires_at = now() - interval '1 second' WHERE key = ${key}`;

describe('withIdempotency (SPEC §3.2)', () => {
  it('runs a new key once; a retry gets the status, body and stored headers byte for byte, marked Idempotent-Replayed', async () => {
    const actor = caller();
    const handler = counting();
    const first = await send(actor, 'k1', '{"a":1}', handler.run);
    const retry = await send(actor, 'k1', '{"a":1}', handler.run);
    expect(handler.runs()).toBe(1);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(await retry.text()).toBe(await first.text());
    expect(retry.headers.get('content-type')).toBe('application/json');
    expect(retry.headers.get('location')).toBe('/things/1');
    expect(retry.headers.get('x-other')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await records('k1')).toMatchObject([{ state: 'completed', responseStatus: 201 }]);
  });

  it('the same key with another body is 422 idempotency_key_reused and does not run', async () => {
    const actor = caller();
    const handler = counting();
    await send(actor, 'k2', '{"a":1}', handler.run);
    await expect(send(actor, 'k2', '{"a":2}', handler.run)).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(handler.runs()).toBe(1);
  });

  it('keys are per caller: another caller with the same key runs', async () => {
    const handler = counting();
    await send(caller(), 'k3', '{}', handler.run);
    await send(caller(), 'k3', '{}', handler.run);
    expect(handler.runs()).toBe(2);
  });

  it('a retry while the first still runs is 409 idempotency_request_in_progress; once done it replays', async () => {
    const actor = caller();
    const slow = deferred();
    const first = send(actor, 'k4', '{}', () => slow.promise);
    await waitFor(async () => (await records('k4')).length === 1);
    await expect(send(actor, 'k4', '{}', async () => new Response('second'))).rejects.toMatchObject({ status: 409, code: 'idempotency_request_in_progress' });
    slow.resolve(new Response('first', { status: 200 }));
    expect(await (await first).text()).toBe('first');
    expect(await (await send(actor, 'k4', '{}', async () => new Response('third'))).text()).toBe('first');
  });

  it('20 concurrent requests with one key: exactly one runs, the others are 409 or its replay', async () => {
    const actor = caller();
    const handler = counting();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => send(actor, 'k5', '{}', handler.run).then((response) => response.status, (error: { status: number }) => error.status)));
    expect(handler.runs()).toBe(1);
    expect(outcomes.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((status) => status === 201 || status === 409)).toBe(true);
  });

  it('a 4xx is stored and replayed like a 2xx', async () => {
    const actor = caller();
    const handler = counting(404);
    await send(actor, 'k6', '{}', handler.run);
    const retry = await send(actor, 'k6', '{}', handler.run);
    expect([handler.runs(), retry.status, retry.headers.get('idempotent-replayed')]).toEqual([1, 404, 'true']);
  });

  it('a 5xx releases the key: the retry runs again', async () => {
    const actor = caller();
    let runs = 0;
    const run = async () => new Response(String(++runs), { status: runs === 1 ? 503 : 201 });
    expect((await send(actor, 'k7', '{}', run)).status).toBe(503);
    expect(await records('k7')).toEqual([]);
    const retry = await send(actor, 'k7', '{}', run);
    expect([retry.status, await retry.text(), retry.headers.get('idempotent-replayed')]).toEqual([201, '2', null]);
  });

  it('a thrown error releases the key and reaches the caller', async () => {
    const actor = caller();
    await expect(send(actor, 'k8', '{}', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await records('k8')).toEqual([]);
    expect((await send(actor, 'k8', '{}', counting().run)).status).toBe(201);
  });

  it('an expired key is free again, for any body: the request runs and its answer is the one replayed', async () => {
    const actor = caller();
    const handler = counting();
    await send(actor, 'k9', '{"a":1}', handler.run);
    await expire('k9');
    const again = await send(actor, 'k9', '{"a":2}', handler.run);
    expect([again.status, await again.text(), handler.runs()]).toEqual([201, '{"run":2}', 2]);
    expect(await (await send(actor, 'k9', '{"a":2}', handler.run)).text()).toBe('{"run":2}');
    expect(await records('k9')).toHaveLength(1);
  });

  it('a request that outlives its expired claim cannot overwrite or release the key its successor claimed', async () => {
    const actor = caller();
    const slow = deferred();
    const late = send(actor, 'k10', '{}', () => slow.promise);
    await waitFor(async () => (await records('k10')).length === 1);
    await expire('k10');
    const successor = await send(actor, 'k10', '{}', async () => new Response('successor', { status: 201 }));
    expect(await successor.text()).toBe('successor');
    slow.resolve(new Response('late', { status: 201 }));
    expect(await (await late).text()).toBe('late');
    expect(await (await send(actor, 'k10', '{}', async () => new Response('third'))).text()).toBe('successor');

    const failing = deferred();
    const lateFailure = send(actor, 'k11', '{}', () => failing.promise);
    await waitFor(async () => (await records('k11')).length === 1);
    await expire('k11');
    const holder = deferred();
    const current = send(actor, 'k11', '{}', () => holder.promise);
    await waitFor(async () => ((await records('k11'))[0]?.expiresAt.getTime() ?? 0) > Date.now());
    failing.resolve(new Response('down', { status: 503 }));
    await lateFailure;
    expect(await records('k11')).toMatchObject([{ state: 'in_progress' }]);
    holder.resolve(new Response('held', { status: 201 }));
    expect(await (await current).text()).toBe('held');
  });

  it('without a key the request just runs, every time', async () => {
    const handler = counting();
    const request = () => new Request(PATH, { method: 'POST', body: '{}' });
    await withIdempotency(request(), caller(), '{}', handler.run);
    await withIdempotency(request(), caller(), '{}', handler.run);
    expect(handler.runs()).toBe(2);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
