import { expect, it } from 'vitest';
import type { CallResult } from './call-route';

interface IdempotentCreate<B> {
  /** POSTs `body` to the collection with extra headers. */
  create: (body: B, headers: Record<string, string>) => Promise<CallResult>;
  /** A fresh valid body (unique slug or code) each call. */
  makeBody: () => B;
  /** How many rows exist for this body's natural key. */
  count: (body: B) => Promise<number>;
}

/**
 * SPEC §3.2's two Idempotency-Key rules, the same for every create endpoint: call inside a
 * `describe` of the resource's test file.
 */
export function itHonoursIdempotencyKeyOnCreate<B>({ create, makeBody, count }: IdempotentCreate<B>) {
  it('replays the first response byte for byte with Idempotent-Replayed', async () => {
    const body = makeBody();
    const key = crypto.randomUUID();
    const first = await create(body, { 'idempotency-key': key });
    const second = await create(body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await count(body)).toBe(1);
  });

  it('the same key with another body is 422 idempotency_key_reused', async () => {
    const key = crypto.randomUUID();
    await create(makeBody(), { 'idempotency-key': key });
    const reused = await create(makeBody(), { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });
}
