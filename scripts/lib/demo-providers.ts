import { randomBytes } from 'node:crypto';
import { startFakeStripe } from '../../lib/billing/providers/fakes/fake-stripe';
import { startFakeXendit } from '../../lib/billing/providers/fakes/fake-xendit';

/**
 * The demo's test mode (SPEC §12: "without keys the embedded demo runs with manual and seeded
 * provider payments refunded through the fake"): local fakes of Xendit and Stripe, living as long
 * as `npm start`, and the environment that points the official SDKs and the webhooks at them.
 * Xendit answers PENDING and calls the webhook back a few seconds later, as it does for real;
 * Stripe succeeds at once.
 */
export async function startDemoProviders(port: number): Promise<Record<string, string>> {
  const token = randomBytes(24).toString('hex');
  const secret = `whsec_${randomBytes(24).toString('hex')}`;
  const base = `http://127.0.0.1:${port}/api/v1/webhooks`;
  const delay = Number(process.env.DEMO_XENDIT_WEBHOOK_DELAY_MS ?? 4000);
  const [xendit, stripe] = await Promise.all([
    startFakeXendit({ mode: { kind: 'pending_then_webhook', afterMs: delay, outcome: 'succeeded' }, webhook: { url: `${base}/xendit`, token } }),
    startFakeStripe({ mode: { kind: 'succeed' }, webhook: { url: `${base}/stripe`, secret } }),
  ]);
  return {
    PROVIDERS_TEST_MODE: 'true',
    XENDIT_SECRET_KEY: 'xnd_development_demo_fake',
    XENDIT_CALLBACK_TOKEN: token,
    XENDIT_API_URL: xendit.url,
    STRIPE_SECRET_KEY: 'sk_test_demo_fake',
    STRIPE_WEBHOOK_SECRET: secret,
    STRIPE_API_URL: stripe.url,
    STRIPE_MAX_NETWORK_RETRIES: '0',
  };
}
