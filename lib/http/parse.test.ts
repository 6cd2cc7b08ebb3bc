import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BillingError } from '@/lib/errors';
import { MAX_BODY_BYTES, parseId, parseJsonBody } from './parse';

const ZBody = z.strictObject({ name: z.string().min(1), nested: z.strictObject({ n: z.number().int() }).optional() });

const post = (body: string, type = 'application/json') =>
  new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': type } });

async function rejection(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BillingError) return error;
    throw error;
  }
  throw new Error('expected a BillingError');
}

describe('request parsing', () => {
  it('accepts a valid body', async () => {
    await expect(parseJsonBody(post('{"name":"a"}'), ZBody)).resolves.toEqual({ name: 'a' });
  });

  it('unknown fields are 400 with one error per field, nested ones included', async () => {
    const error = await rejection(parseJsonBody(post('{"name":"a","role":"x","nested":{"n":1,"evil":true}}'), ZBody));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.options.errors).toEqual(
      expect.arrayContaining([
        { path: 'role', message: 'Unknown field.' },
        { path: 'nested.evil', message: 'Unknown field.' },
      ]),
    );
  });

  it('prototype-pollution keys are unknown fields, not assignments', async () => {
    const error = await rejection(parseJsonBody(post('{"name":"a","__proto__":{"admin":true}}'), ZBody));
    expect(error.status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('invalid JSON is 400 invalid_json', async () => {
    expect((await rejection(parseJsonBody(post('{"name":'), ZBody))).code).toBe('invalid_json');
  });

  it('a non-JSON content type is 415', async () => {
    expect((await rejection(parseJsonBody(post('name=a', 'application/x-www-form-urlencoded'), ZBody))).status).toBe(415);
  });

  it('an oversize body is 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await rejection(parseJsonBody(post(big), ZBody))).status).toBe(413);
  });

  // Found by tests/security/fuzz-bodies: PostgreSQL text refuses U+0000, so such a name was a 500.
  it.each([
    ['a NUL character', '{"name":"a\\u0000b"}', 'name'],
    ['a lone surrogate', '{"name":"a\\ud800"}', 'name'],
    ['a NUL deep inside', '{"name":"a","nested":{"n":1,"x":["ok","\\u0000"]}}', 'nested.x.1'],
    ['a NUL in a key', '{"name":"a","k\\u0000":1}', 'k\u0000'],
  ])('text PostgreSQL cannot store is 400 before the schema runs: %s', async (_name, body, path) => {
    const error = await rejection(parseJsonBody(post(body), ZBody));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.options.errors).toEqual([{ path, message: expect.stringContaining('NUL') }]);
  });

  it('valid surrogate pairs (emoji) and other control characters pass', async () => {
    await expect(parseJsonBody(post(JSON.stringify({ name: '👨‍👩‍👧 \t\u202e' })), ZBody)).resolves.toEqual({ name: '👨‍👩‍👧 \t\u202e' });
  });

  it('field errors carry dotted paths', async () => {
    const error = await rejection(parseJsonBody(post('{"name":"","nested":{"n":1.5}}'), ZBody));
    expect(error.options.errors?.map((e) => e.path).sort()).toEqual(['name', 'nested.n']);
  });
});

describe('id parsing', () => {
  it('a UUID passes, lowercased', () => {
    expect(parseId('6F9619FF-8B86-D011-B42D-00C04FC964FF', 'plan')).toBe('6f9619ff-8b86-d011-b42d-00c04fc964ff');
  });

  it.each(['1', 'abc', "' OR 1=1 --", '6f9619ff-8b86-d011-b42d-00c04fc964f', ''])('%j is 404, never 500', (raw) => {
    expect(() => parseId(raw, 'plan')).toThrow(expect.objectContaining({ status: 404, code: 'not_found' }));
  });
});
