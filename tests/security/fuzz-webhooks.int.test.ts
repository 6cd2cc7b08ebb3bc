import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/v1/webhooks/stripe/route';
import { POST as xenditWebhook } from '@/app/api/v1/webhooks/xendit/route';
import { db } from '@/lib/db';
import { hostileBody } from './fuzz-arbitraries';
import { fuzzRuns, fuzzWatch, sendRaw } from './fuzz-harness';

/**
 * The two routes outside the admin guard (docs/SECURITY.md): generated bodies and headers. Without
 * the right token or a valid signature every request is 400 and nothing is stored; with them, a
 * hostile body is a 4xx or a harmless 200 (kept as unmatched/ignored). Never a 5xx.
 */
const RUNS = fuzzRuns(200);
const TOKEN = 'fuzz-xendit-callback-token';
const SECRET = 'whsec_fuzz_secret';
process.env.XENDIT_CALLBACK_TOKEN = TOKEN;
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE = '0';

const XENDIT_EVENT = { event: 'refund.succeeded', business_id: 'b', created: '2026-12-03T00:00:00Z', data: { id: 'rfd-fuzz', status: 'SUCCEEDED', reference_id: 'x', amount: 1000, currency: 'IDR' } };
const STRIPE_EVENT = { id: 'evt_fuzz', object: 'event', type: 'refund.updated', data: { object: { id: 're_fuzz', object: 'refund', status: 'succeeded', metadata: {} } } };
const headerValue = fc.oneof(fc.constant(''), fc.string({ maxLength: 300 }).filter((value) => /^[\x20-\x7e]*$/.test(value)));

let watch: Awaited<ReturnType<typeof fuzzWatch>>;
beforeAll(async () => {
  watch = await fuzzWatch();
});
afterAll(() => watch?.stop());

describe('fuzzing the webhook routes', () => {
  it('Xendit: a wrong or missing x-callback-token is always 400 and stores nothing', async () => {
    const before = await db().providerEvent.count();
    await fc.assert(
      fc.asyncProperty(hostileBody(XENDIT_EVENT), fc.option(headerValue), async (body, token) => {
        const headers: Record<string, string> = body.contentType ? { 'content-type': body.contentType } : {};
        if (token !== null && token !== TOKEN) headers['x-callback-token'] = token;
        const result = await sendRaw(xenditWebhook, { method: 'POST', path: '/api/v1/webhooks/xendit', params: {}, headers, body: body.text });
        await watch.judge(`xendit ${body.kind}`, result, body.expect === 413 ? 413 : 400);
      }),
      { numRuns: RUNS },
    );
    expect(await db().providerEvent.count()).toBe(before);
  });

  it('Xendit: with the right token, a hostile body is a 4xx or a harmless 200, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(XENDIT_EVENT), async (body) => {
        const headers: Record<string, string> = { 'x-callback-token': TOKEN, ...(body.contentType ? { 'content-type': body.contentType } : {}) };
        const result = await sendRaw(xenditWebhook, { method: 'POST', path: '/api/v1/webhooks/xendit', params: {}, headers, body: body.text });
        if (result.status === 200) expect(JSON.parse(result.text).state).toMatch(/^(unmatched|ignored|applied)$/);
        await watch.judge(`xendit signed ${body.kind}`, result);
      }),
      { numRuns: RUNS },
    );
  });

  it('Stripe: random bodies and Stripe-Signature headers are 400 and store nothing; a signed hostile body never 5xx', async () => {
    const before = await db().providerEvent.count();
    await fc.assert(
      fc.asyncProperty(hostileBody(STRIPE_EVENT), fc.option(headerValue), async (body, signature) => {
        const headers: Record<string, string> = body.contentType ? { 'content-type': body.contentType } : {};
        if (signature !== null) headers['stripe-signature'] = signature;
        const result = await sendRaw(stripeWebhook, { method: 'POST', path: '/api/v1/webhooks/stripe', params: {}, headers, body: body.text });
        await watch.judge(`stripe ${body.kind}`, result, body.expect === 413 ? 413 : 400);
      }),
      { numRuns: RUNS },
    );
    expect(await db().providerEvent.count()).toBe(before);
    await fc.assert(
      fc.asyncProperty(hostileBody(STRIPE_EVENT), async (body) => {
        const headers = { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body.text, secret: SECRET }), ...(body.contentType ? { 'content-type': body.contentType } : {}) };
        const result = await sendRaw(stripeWebhook, { method: 'POST', path: '/api/v1/webhooks/stripe', params: {}, headers, body: body.text });
        await watch.judge(`stripe signed ${body.kind}`, result);
      }),
      { numRuns: RUNS },
    );
  });
});
