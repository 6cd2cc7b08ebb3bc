import { receiveProviderEvent } from '@/lib/billing/webhooks/receive-provider-event';
import { parseStripeEvent } from '@/lib/billing/webhooks/parse-stripe-event';
import { config } from '@/lib/config';
import { json } from '@/lib/http/admin-route';
import { webhookRoute } from '@/lib/http/webhook-route';

// Stripe's events (SPEC §12): verified by the SDK's constructEvent on the raw body, stored, applied once.
export const POST = webhookRoute('stripe', async ({ request, rawBody }) => {
  const event = parseStripeEvent(rawBody, request.headers.get('stripe-signature'), config().STRIPE_WEBHOOK_SECRET);
  return json({ received: true, ...(await receiveProviderEvent(event)) });
});
