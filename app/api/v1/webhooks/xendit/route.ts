import { receiveProviderEvent } from '@/lib/billing/webhooks/receive-provider-event';
import { parseXenditEvent, verifyXenditToken } from '@/lib/billing/webhooks/parse-xendit-event';
import { config } from '@/lib/config';
import { json } from '@/lib/http/admin-route';
import { webhookRoute } from '@/lib/http/webhook-route';

// Xendit's callbacks (SPEC §12): verified by x-callback-token in constant time, stored, applied once.
export const POST = webhookRoute('xendit', async ({ request, rawBody }) => {
  verifyXenditToken(request.headers.get('x-callback-token'), config().XENDIT_CALLBACK_TOKEN);
  return json({ received: true, ...(await receiveProviderEvent(parseXenditEvent(rawBody))) });
});
