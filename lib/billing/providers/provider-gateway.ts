import { config } from '@/lib/config';
import type { GatewayRefundRequest, PaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { manualGateway } from './manual-gateway';
import { stripeGateway, type TStripeOptions } from './stripe-gateway';
import { xenditGateway, type TXenditOptions } from './xendit-gateway';

export interface TProviderGatewayOptions {
  xendit?: TXenditOptions | null;
  stripe?: TStripeOptions | null;
}

/**
 * The default gateway: each refund goes to the provider that took the payment (SPEC §12) —
 * Xendit or Stripe through their official SDKs, `manual` nowhere. A provider without a key
 * configured fails the refund with a reason that says so (its reservation is released).
 */
export function providerGateway(options: TProviderGatewayOptions): PaymentGateway {
  const xendit = options.xendit ? xenditGateway(options.xendit) : null;
  const stripe = options.stripe ? stripeGateway(options.stripe) : null;
  const pick = (request: GatewayRefundRequest): PaymentGateway | string => {
    if (request.provider === 'xendit') return xendit ?? 'Xendit is not configured (XENDIT_SECRET_KEY): nothing was refunded.';
    if (request.provider === 'stripe') return stripe ?? 'Stripe is not configured (STRIPE_SECRET_KEY): nothing was refunded.';
    return manualGateway;
  };
  return {
    async refund(request) {
      const gateway = pick(request);
      return typeof gateway === 'string' ? { status: 'failed', reason: gateway } : gateway.refund(request);
    },
    async lookup(request) {
      const gateway = pick(request);
      if (typeof gateway === 'string') return { status: 'failed', reason: gateway };
      return (gateway.lookup ?? gateway.refund)(request);
    },
  };
}

let configured: PaymentGateway | undefined;

/** The provider gateway from lib/config.ts, made once per process. */
export function configuredGateway(): PaymentGateway {
  configured ??= providerGateway(providerOptionsFromConfig());
  return configured;
}

export function providerOptionsFromConfig(): TProviderGatewayOptions {
  const env = config();
  return {
    xendit: env.XENDIT_SECRET_KEY ? { secretKey: env.XENDIT_SECRET_KEY, baseUrl: env.XENDIT_API_URL, timeoutMs: env.PROVIDER_TIMEOUT_MS } : null,
    stripe: env.STRIPE_SECRET_KEY
      ? { secretKey: env.STRIPE_SECRET_KEY, baseUrl: env.STRIPE_API_URL, timeoutMs: env.PROVIDER_TIMEOUT_MS, maxNetworkRetries: env.STRIPE_MAX_NETWORK_RETRIES }
      : null,
  };
}
