import { configuredGateway } from '@/lib/billing/providers/provider-gateway';
import type { PaymentProvider } from '@/lib/generated/prisma/client';
import type { Decimal } from '@/lib/money';

export interface GatewayRefundRequest {
  /** Ours, and the provider's idempotency key: a retry (or the reconciler) never refunds twice. */
  refundId: string;
  invoiceId: string;
  amount: Decimal;
  currency: string;
  reason: string;
  /** Where the money goes back: the provider of the payment refunded (SPEC §12). */
  provider: PaymentProvider;
  providerPaymentId: string | null;
  /** The provider's refund id, once known (lookups). */
  providerRefundId?: string | null;
}

/**
 * A provider's answer. `pending` keeps the reservation until a webhook or the reconciler settles
 * it (`reference` null: the call's outcome is unknown — a 5xx or a timeout). `failed` releases it;
 * `refusal` marks a refusal that means our records and the provider's disagree (already refunded,
 * more than is left at the provider), answered 409 with the provider's words.
 */
export type GatewayRefundResult =
  | { status: 'succeeded'; reference: string }
  | { status: 'pending'; reference: string | null }
  | { status: 'failed'; reason: string; reference?: string | null; refusal?: { code: string; message: string } };

/** Where refunds settle: the provider router by default (provider-gateway.ts), a test double in tests. */
export interface PaymentGateway {
  refund(request: GatewayRefundRequest): Promise<GatewayRefundResult>;
  /**
   * The refund as the provider knows it now (the reconciler): by its provider id when known, else by
   * asking again with our idempotency key, which returns the refund made or makes it now.
   */
  lookup?(request: GatewayRefundRequest): Promise<GatewayRefundResult>;
}

let current: PaymentGateway | null = null;

/** The gateway refunds go through: a test's double, or the provider router made from the configuration. */
export function paymentGateway(): PaymentGateway {
  return current ?? configuredGateway();
}

/** Tests swap in a gateway that fails (or stalls); returns a function restoring the previous one. */
export function usePaymentGateway(gateway: PaymentGateway): () => void {
  const previous = current;
  current = gateway;
  return () => {
    current = previous;
  };
}
