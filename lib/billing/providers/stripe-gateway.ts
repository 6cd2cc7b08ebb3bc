import Stripe from 'stripe';
import type { GatewayRefundRequest, GatewayRefundResult, PaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { toProviderAmount } from './provider-amount';

export interface TStripeOptions {
  secretKey: string;
  /** `STRIPE_API_URL`: Stripe's API, or a local fake (the SDK's host/port/protocol options). */
  baseUrl: string;
  timeoutMs: number;
  /** The SDK's own retries (default 2; 0 in tests, where each costs 0.5–5 s). */
  maxNetworkRetries: number;
}

/** Codes meaning Stripe's records and ours disagree: 409 with Stripe's words, not a plain decline. */
const REFUSALS = new Set(['charge_already_refunded', 'amount_too_large', 'charge_disputed', 'refund_disputed_payment', 'charge_not_refundable']);

/** The Stripe client for a base URL: the API itself, or a local fake over plain http. */
export function stripeClient(options: Pick<TStripeOptions, 'secretKey' | 'baseUrl' | 'timeoutMs' | 'maxNetworkRetries'>): Stripe {
  const url = new URL(options.baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(options.secretKey, {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
    timeout: options.timeoutMs,
    maxNetworkRetries: options.maxNetworkRetries,
    telemetry: false,
  });
}

/**
 * Refunds through Stripe's official SDK: `refunds.create` of the payment intent (or charge), our
 * refund id as the Idempotency-Key, the amount in Stripe's minor unit (IDR × 100). Statuses map
 * succeeded → succeeded, failed/canceled → failed, pending/requires_action → pending; 5xx, 429,
 * connection errors and timeouts leave the refund pending for the reconciler.
 */
export function stripeGateway(options: TStripeOptions): PaymentGateway {
  const stripe = stripeClient(options);

  const create = async (request: GatewayRefundRequest): Promise<GatewayRefundResult> => {
    const paymentId = request.providerPaymentId;
    if (!paymentId) return { status: 'failed', reason: 'The Stripe payment has no payment intent or charge id to refund.' };
    const params: Stripe.RefundCreateParams = {
      ...(paymentId.startsWith('ch_') ? { charge: paymentId } : { payment_intent: paymentId }),
      amount: toProviderAmount('stripe', request.amount, request.currency),
      reason: 'requested_by_customer',
      metadata: { refund_id: request.refundId, invoice_id: request.invoiceId },
    };
    return answer(() => stripe.refunds.create(params, { idempotencyKey: request.refundId }));
  };

  const answer = async (call: () => Promise<Stripe.Refund>): Promise<GatewayRefundResult> => {
    try {
      return stripeRefundResult(await call());
    } catch (error) {
      return stripeErrorResult(error);
    }
  };

  return {
    refund: create,
    async lookup(request) {
      const byId = (id: string) => answer(() => stripe.refunds.retrieve(id));
      if (request.providerRefundId) return byId(request.providerRefundId);
      // Never reached Stripe, or its answer was lost: the same key replays the refund made, or makes it now.
      const made = await create(request);
      return made.status === 'pending' && made.reference ? byId(made.reference) : made;
    },
  };
}

export function stripeRefundResult(refund: Pick<Stripe.Refund, 'id' | 'status' | 'failure_reason'>): GatewayRefundResult {
  if (refund.status === 'succeeded') return { status: 'succeeded', reference: refund.id };
  if (refund.status === 'failed' || refund.status === 'canceled') {
    return { status: 'failed', reason: `Stripe: ${refund.failure_reason ?? refund.status}`, reference: refund.id };
  }
  return { status: 'pending', reference: refund.id };
}

function stripeErrorResult(error: unknown): GatewayRefundResult {
  const stripeError = error instanceof Stripe.errors.StripeError ? error : null;
  const status = stripeError?.statusCode ?? 0;
  if (stripeError && status >= 400 && status < 500 && status !== 429 && status !== 409) {
    const code = stripeError.code ?? String(status);
    if (REFUSALS.has(code)) return { status: 'failed', reason: `Stripe ${code}: ${stripeError.message}`, refusal: { code, message: stripeError.message } };
    return { status: 'failed', reason: `Stripe ${code}: ${stripeError.message}` };
  }
  // 5xx, 429, 409 (idempotency_key_in_use: the same refund still running), connection errors, timeouts.
  return { status: 'pending', reference: null };
}
