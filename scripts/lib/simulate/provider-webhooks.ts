import Stripe from 'stripe';
import type { TSimFetch } from './keep-alive-fetch';

/**
 * Payment webhooks as Xendit and Stripe send them (the fakes' wire format: Xendit's
 * `x-callback-token`, Stripe's signed `payment_intent.succeeded`), stamped with the *simulated*
 * time: the fakes stamp real time, which the test clock has left behind, and the app keeps a
 * provider's payment time as `paid_at` (so revenue would land in the wrong month). A delivery
 * sent twice is the same event twice, as a provider's retry is.
 */
export interface TWebhookSecrets {
  origin: string;
  xenditToken: string;
  stripeSecret: string;
  /** How the webhook reaches the app: over HTTP, or its route handler in-process (scripts/lib/simulate/target.ts). */
  fetch: TSimFetch;
}

async function deliver(secrets: TWebhookSecrets, provider: 'xendit' | 'stripe', body: string, headers: Record<string, string>): Promise<number> {
  const response = await secrets.fetch(`${secrets.origin}/api/v1/webhooks/${provider}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  await response.text();
  return response.status;
}

/** Answers uncompressed (see api-client.ts). */
const UNCOMPRESSED = { 'accept-encoding': 'identity' };

export function sendXenditPayment(secrets: TWebhookSecrets, payment: { invoiceId: string; amount: number; currency: string; at: Date }): Promise<number> {
  const body = JSON.stringify({
    event: 'payment.succeeded', business_id: 'simulation', created: payment.at.toISOString(),
    data: {
      payment_id: `py-sim-${payment.invoiceId}`, payment_request_id: `pr-sim-${payment.invoiceId}`, reference_id: payment.invoiceId, amount: payment.amount, currency: payment.currency,
      status: 'SUCCEEDED', channel_code: 'BCA', payment_method: { type: 'VIRTUAL_ACCOUNT' }, created: payment.at.toISOString(),
    },
  });
  return deliver(secrets, 'xendit', body, { 'x-callback-token': secrets.xenditToken, ...UNCOMPRESSED });
}

/** `forged`: signed with another secret, as an attacker (or a misconfigured endpoint) would: 400, nothing recorded. */
export function sendStripePayment(secrets: TWebhookSecrets, payment: { invoiceId: string; amount: number; currency: string; at: Date }, forged = false): Promise<number> {
  const id = payment.invoiceId.replace(/-/g, '');
  // Stripe stamps whole seconds: the next one, so the payment is not dated before the invoice it pays.
  const created = Math.ceil(payment.at.getTime() / 1000);
  const payload = JSON.stringify({
    id: `evt_sim_${id}`, object: 'event', api_version: '2026-11-18.endive', created, livemode: false, type: 'payment_intent.succeeded',
    data: {
      object: {
        // Stripe counts IDR in hundredths (SPEC §12): Rp 150.000 is 15000000.
        id: `pi_sim_${id}`, object: 'payment_intent', amount: payment.amount * 100, amount_received: payment.amount * 100, currency: payment.currency.toLowerCase(),
        status: 'succeeded', metadata: { invoice_id: payment.invoiceId }, latest_charge: `ch_sim_${id}`, payment_method_types: ['card'], created,
      },
    },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: forged ? `${secrets.stripeSecret}-forged` : secrets.stripeSecret });
  return deliver(secrets, 'stripe', payload, { 'stripe-signature': signature, ...UNCOMPRESSED });
}
